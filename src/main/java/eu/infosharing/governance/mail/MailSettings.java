package eu.infosharing.governance.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** How jobs that send mail retry, read by every model ({@code ${mailSettings.retryCycle}}). */
@Component("mailSettings")
@ConfigurationProperties(prefix = "governance.mail")
public class MailSettings {

    /** Retry cycle (ISO 8601 repeat) of a job that sends mail; when it runs out the job raises an incident in Cockpit. */
    private String retryCycle = "R5/PT5M";

    public String getRetryCycle() {
        return retryCycle;
    }

    public void setRetryCycle(String retryCycle) {
        this.retryCycle = retryCycle;
    }
}
