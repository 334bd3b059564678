package eu.infosharing.governance.notification;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * On several nodes, a job stays locked to the node that acquired it for the job executor's lock time; a node that dies
 * leaves its jobs to the others once the lock expires. A send that could outlast the lock would be taken over and sent
 * twice while still running, so the application refuses to start with timeouts that allow it.
 */
@Component
class SendsFitTheJobLock {

    /** Room for rendering, the database and the job's own commit around the network waits. */
    static final Duration MARGIN = Duration.ofSeconds(5);

    SendsFitTheJobLock(NotificationSettings settings,
                       @Value("${camunda.bpm.job-execution.lock-time-in-millis:300000}") long lockMillis,
                       @Value("${spring.mail.properties.mail.smtp.connectiontimeout:0}") long smtpConnectMillis,
                       @Value("${spring.mail.properties.mail.smtp.timeout:0}") long smtpReadMillis,
                       @Value("${spring.mail.properties.mail.smtp.writetimeout:0}") long smtpWriteMillis) {
        Duration lock = Duration.ofMillis(lockMillis);
        // HTTPS: connecting, then the answer, each bounded by the timeout
        Duration https = settings.getHttpTimeout().multipliedBy(2).plus(MARGIN);
        if (https.compareTo(lock) >= 0) {
            throw new IllegalStateException("governance.notification.http-timeout " + settings.getHttpTimeout()
                    + " lets an HTTPS send last " + https + " with its margin, not less than the job lock time " + lock
                    + " (camunda.bpm.job-execution.lock-time-in-millis): another node could send it again meanwhile");
        }
        // SMTP without a timeout (0) could wait forever
        if (smtpConnectMillis <= 0 || smtpReadMillis <= 0 || smtpWriteMillis <= 0) {
            throw new IllegalStateException("spring.mail.properties.mail.smtp.connectiontimeout, .timeout and .writetimeout "
                    + "must be set: without them a mail send could outlast the job lock time " + lock);
        }
        Duration smtp = Duration.ofMillis(smtpConnectMillis + smtpReadMillis + smtpWriteMillis).plus(MARGIN);
        if (smtp.compareTo(lock) >= 0) {
            throw new IllegalStateException("The SMTP timeouts let a mail send last " + smtp + " with its margin, not less "
                    + "than the job lock time " + lock + " (camunda.bpm.job-execution.lock-time-in-millis)");
        }
    }
}
