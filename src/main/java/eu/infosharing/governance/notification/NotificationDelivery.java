package eu.infosharing.governance.notification;

import eu.infosharing.governance.identity.CurrentUser;
import eu.infosharing.governance.membership.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sending a notification to its authority on the member's behalf: through the authority's channel, with every attempt
 * kept, and the intake's acknowledgement when its answer carries one. The authority-notification model's send step.
 */
@Service
public class NotificationDelivery {

    private static final Logger log = LoggerFactory.getLogger(NotificationDelivery.class);

    private final AuthorityNotificationRepository notifications;
    private final NotificationAttemptRepository attempts;
    private final CompetentAuthorityService authorities;
    private final LetterContents contents;
    private final NotificationLetter letters;
    private final AuthorityChannels channels;
    private final AuditTrail auditTrail;
    private final TransactionTemplate separateTransaction;

    public NotificationDelivery(AuthorityNotificationRepository notifications, NotificationAttemptRepository attempts,
                                CompetentAuthorityService authorities, LetterContents contents, NotificationLetter letters,
                                AuthorityChannels channels, AuditTrail auditTrail, PlatformTransactionManager transactions) {
        this.notifications = notifications;
        this.attempts = attempts;
        this.authorities = authorities;
        this.contents = contents;
        this.letters = letters;
        this.channels = channels;
        this.auditTrail = auditTrail;
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Sends through the authority's channel and records it SENT. Every attempt is kept in a transaction of its own,
     * so a failure stays on record when the engine rolls the job back to retry it.
     */
    @Transactional
    public void send(String reference) {
        AuthorityNotification n = notifications.getByReference(reference);
        if (n.isDone()) {
            return;
        }
        CompetentAuthority authority = authorities.get(n.getAuthorityCode());
        LetterContent letter = contents.keep(n, authority);
        AuthorityChannels.Delivery delivery;
        try {
            delivery = channels.deliver(authority, letter, letters.subject(letter), letters.body(letter), n.getDocument());
        } catch (RuntimeException e) {
            recordAttempt(n.getId(), NotificationAttempt.Outcome.FAILED, authority, null, e.getMessage());
            auditTrail.appendSeparately(n.getMembership().getId(), CurrentUser.SYSTEM, "NOTIFICATION_FAILED", n.getReference()
                    + " to " + authority.getCode() + " by " + authority.getChannel() + " failed: " + e.getMessage());
            log.warn("Notification {} to {} failed: {}", reference, authority.getCode(), e.getMessage());
            throw e;
        }
        recordAttempt(n.getId(), NotificationAttempt.Outcome.SENT, authority, delivery.messageId(), null);
        n.markSent(delivery.channel(), delivery.address(), delivery.messageId());
        auditTrail.appendSeparately(n.getMembership().getId(), CurrentUser.SYSTEM, "NOTIFICATION_SENT", n.getReference() + " sent to " + authority.getCode()
                + " by " + delivery.channel() + " (" + delivery.address() + "), message id " + delivery.messageId()
                + ", letter SHA-256 " + n.getDocumentSha256());
        AuthorityChannels.Acknowledgement ack = delivery.acknowledgement();
        if (ack != null && !n.isAcknowledgementSettled()) {
            // the intake's own word that it received it: no follow-up will ask for it
            n.acknowledge(AuthorityNotification.AcknowledgementSource.INTAKE, ack.receivedOn(), ack.authorityReference(),
                    CurrentUser.SYSTEM);
            auditTrail.appendSeparately(n.getMembership().getId(), CurrentUser.SYSTEM, "NOTIFICATION_ACKNOWLEDGED",
                    n.getReference() + " acknowledged by " + authority.getCode() + "'s intake on " + ack.receivedOn()
                            + ", authority's reference " + ack.authorityReference());
        }
        log.info("Notification {} sent to {} by {} ({})", reference, authority.getCode(), delivery.channel(), delivery.messageId());
    }

    private void recordAttempt(Long notificationId, NotificationAttempt.Outcome outcome, CompetentAuthority authority,
                               String messageId, String detail) {
        separateTransaction.executeWithoutResult(status -> {
            attempts.save(new NotificationAttempt(notificationId, outcome, authority.getChannel(),
                    authority.getChannelAddress(), messageId, detail));
            if (outcome == NotificationAttempt.Outcome.FAILED) {
                notifications.findById(notificationId).orElseThrow().recordFailure(detail);
            }
        });
    }
}
