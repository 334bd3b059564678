package eu.infosharing.governance.onboarding;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Deadlines of membership-onboarding as ISO 8601 durations, read by the model's timers
 * ({@code ${onboardingDeadlines.sponsorResponse}}) and by the task due dates ({@link eu.infosharing.governance.engine.DueDates},
 * which computes them as the timers do).
 */
@Component("onboardingDeadlines")
@ConfigurationProperties(prefix = "governance.onboarding")
public class OnboardingDeadlines {

    /** A sponsor that does not answer within this raises a coordinator task. */
    private String sponsorResponse = "P14D";
    /** Reminder to the applicant that has not accepted the rules of conduct. */
    private String acceptanceReminder = "P7D";
    /** Without acceptance within this, the application expires. */
    private String acceptanceExpiry = "P30D";
    /** When a review task (vetting, GDPR, legal) is due. */
    private String reviewDue = "P5D";

    public String getSponsorResponse() {
        return sponsorResponse;
    }

    public void setSponsorResponse(String sponsorResponse) {
        this.sponsorResponse = sponsorResponse;
    }

    public String getAcceptanceReminder() {
        return acceptanceReminder;
    }

    public void setAcceptanceReminder(String acceptanceReminder) {
        this.acceptanceReminder = acceptanceReminder;
    }

    public String getAcceptanceExpiry() {
        return acceptanceExpiry;
    }

    public void setAcceptanceExpiry(String acceptanceExpiry) {
        this.acceptanceExpiry = acceptanceExpiry;
    }

    public String getReviewDue() {
        return reviewDue;
    }

    public void setReviewDue(String reviewDue) {
        this.reviewDue = reviewDue;
    }
}
