package eu.infosharing.governance.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** One delivery attempt through an authority's channel, failed or not: the evidence of trying in time. */
@Entity
public class NotificationAttempt {

    public enum Outcome { SENT, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long notificationId;

    @Column(nullable = false)
    private Instant attemptedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Outcome outcome;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel_type", nullable = false)
    private CompetentAuthority.Channel channel;

    @Column(nullable = false)
    private String channelAddress;

    private String messageId;

    private String detail;

    protected NotificationAttempt() {
    }

    public NotificationAttempt(Long notificationId, Outcome outcome, CompetentAuthority.Channel channel,
                               String channelAddress, String messageId, String detail) {
        this.notificationId = notificationId;
        this.attemptedAt = Instant.now();
        this.outcome = outcome;
        this.channel = channel;
        this.channelAddress = channelAddress;
        this.messageId = messageId;
        this.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
    }

    public Long getNotificationId() {
        return notificationId;
    }

    public Instant getAttemptedAt() {
        return attemptedAt;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public CompetentAuthority.Channel getChannel() {
        return channel;
    }

    public String getChannelAddress() {
        return channelAddress;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getDetail() {
        return detail;
    }
}
