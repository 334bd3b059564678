package eu.infosharing.governance.onboarding;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** The Apply to join page ({@code governance.join.*}): how long its links work and how often one may ask. */
@Component
@ConfigurationProperties(prefix = "governance.join")
public class JoinSettings {

    /** How long the link that verifies an applicant's address works (once). */
    private Duration verificationValidFor = Duration.ofHours(24);
    /** How long the link to set the first password works (once), from the coordinator's acceptance. */
    private Duration passwordLinkValidFor = Duration.ofDays(3);
    /** Requests from one client address within the window, beyond which it is answered 429. */
    private int maxRequestsPerAddress = 10;
    /** Requests for one e-mail address within the window, from anywhere. */
    private int maxRequestsPerEmail = 3;
    /** The window the limits count in. */
    private Duration throttleWindow = Duration.ofHours(1);

    public Duration getVerificationValidFor() {
        return verificationValidFor;
    }

    public void setVerificationValidFor(Duration verificationValidFor) {
        this.verificationValidFor = verificationValidFor;
    }

    public Duration getPasswordLinkValidFor() {
        return passwordLinkValidFor;
    }

    public void setPasswordLinkValidFor(Duration passwordLinkValidFor) {
        this.passwordLinkValidFor = passwordLinkValidFor;
    }

    public int getMaxRequestsPerAddress() {
        return maxRequestsPerAddress;
    }

    public void setMaxRequestsPerAddress(int maxRequestsPerAddress) {
        this.maxRequestsPerAddress = maxRequestsPerAddress;
    }

    public int getMaxRequestsPerEmail() {
        return maxRequestsPerEmail;
    }

    public void setMaxRequestsPerEmail(int maxRequestsPerEmail) {
        this.maxRequestsPerEmail = maxRequestsPerEmail;
    }

    public Duration getThrottleWindow() {
        return throttleWindow;
    }

    public void setThrottleWindow(Duration throttleWindow) {
        this.throttleWindow = throttleWindow;
    }
}
