package eu.infosharing.governance.revision;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Periods of annual-review as ISO 8601 durations, read by the model's timers
 * ({@code ${annualReviewSettings.answerPeriod}}) and by the tasks' due dates.
 */
@Component("annualReviewSettings")
@ConfigurationProperties(prefix = "governance.annual-review")
public class AnnualReviewSettings {

    /** The representatives are reminded when they have not confirmed their data this long after the anniversary. */
    private String reminderAfter = "P14D";
    /** They have this long to confirm; then a coordinator decides (the confirmation task's due date). */
    private String answerPeriod = "P30D";
    /** When the coordinator's decision on an unanswered review is due. */
    private String decisionDue = "P30D";

    public String getReminderAfter() {
        return reminderAfter;
    }

    public void setReminderAfter(String reminderAfter) {
        this.reminderAfter = reminderAfter;
    }

    public String getAnswerPeriod() {
        return answerPeriod;
    }

    public void setAnswerPeriod(String answerPeriod) {
        this.answerPeriod = answerPeriod;
    }

    public String getDecisionDue() {
        return decisionDue;
    }

    public void setDecisionDue(String decisionDue) {
        this.decisionDue = decisionDue;
    }
}
