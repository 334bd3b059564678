package eu.infosharing.governance.cessation;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** Periods of membership-cessation, read by the model ({@code ${cessationSettings.hearingPeriod}}), the tasks' due dates and the services. */
@Component("cessationSettings")
@ConfigurationProperties(prefix = "governance.cessation")
public class CessationSettings {

    /** The member may respond to a breach report within this; then the coordinator decides anyway. */
    private String hearingPeriod = "P14D";
    /** A coordinator decides on a breach, or follows up an overdue destruction confirmation, within this. */
    private String decisionDue = "P5D";
    /** The member confirms destruction of TLP:AMBER and above within this after the cessation takes effect. */
    private Period destructionDue = Period.ofDays(30);
    /** The reminder goes out this long before the destruction confirmation is due. */
    private Period destructionReminderLead = Period.ofDays(7);
    /** Contact persons' personal data are kept this long after the cessation, then erased. */
    private Period retention = Period.ofYears(1);

    public String getHearingPeriod() {
        return hearingPeriod;
    }

    public void setHearingPeriod(String hearingPeriod) {
        this.hearingPeriod = hearingPeriod;
    }

    public String getDecisionDue() {
        return decisionDue;
    }

    public void setDecisionDue(String decisionDue) {
        this.decisionDue = decisionDue;
    }

    public Period getDestructionDue() {
        return destructionDue;
    }

    public void setDestructionDue(Period destructionDue) {
        this.destructionDue = destructionDue;
    }

    public Period getDestructionReminderLead() {
        return destructionReminderLead;
    }

    public void setDestructionReminderLead(Period destructionReminderLead) {
        this.destructionReminderLead = destructionReminderLead;
    }

    public Period getRetention() {
        return retention;
    }

    public void setRetention(Period retention) {
        this.retention = retention;
    }
}
