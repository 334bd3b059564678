package eu.infosharing.governance.notification;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An operator who sets timeouts that let a send outlast the job lock is stopped at startup, told which setting. */
class SendsFitTheJobLockTest {

    @Test
    void theShippedSettingsFitTheLock() {
        assertThatCode(() -> new SendsFitTheJobLock(new NotificationSettings(), 45_000, 10_000, 10_000, 10_000))
                .doesNotThrowAnyException();
    }

    @Test
    void anHttpsTimeoutThatCouldOutlastTheLockIsRefusedByName() {
        NotificationSettings slow = new NotificationSettings();
        slow.setHttpTimeout(Duration.ofSeconds(30));
        assertThatThrownBy(() -> new SendsFitTheJobLock(slow, 45_000, 10_000, 10_000, 10_000))
                .hasMessageContaining("governance.notification.http-timeout PT30S")
                .hasMessageContaining("lock-time-in-millis");
    }

    @Test
    void smtpWithoutTimeoutsOrWithTimeoutsBeyondTheLockIsRefused() {
        assertThatThrownBy(() -> new SendsFitTheJobLock(new NotificationSettings(), 45_000, 0, 10_000, 10_000))
                .hasMessageContaining("mail.smtp.connectiontimeout");
        assertThatThrownBy(() -> new SendsFitTheJobLock(new NotificationSettings(), 45_000, 20_000, 20_000, 20_000))
                .hasMessageContaining("SMTP timeouts");
    }
}
