package eu.infosharing.governance.notification;

import eu.infosharing.governance.api.NotFoundException;
import eu.infosharing.governance.identity.CurrentUser;
import eu.infosharing.governance.membership.AuditTrail;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
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
     * Sends through the authority's channel and records the outcome, in a transaction of its own that commits before
     * the step ends: whatever rolls the engine's job back afterwards (two notifications of one membership ending
     * together and colliding on the parent process), the notification stays SENT and a retry sends nothing. The row
     * is locked while sending, so a second executor of the same job waits and then finds it SENT. A failure is recorded
     * and committed, then thrown for the engine to retry on its cycle. Only a crash between the delivery and the commit
     * sends again: with the same reference, and the same idempotency key (HTTPS) or Message-ID (e-mail).
     */
    public void send(String reference) {
        Outcome outcome = separateTransaction.execute(status -> sendOnce(reference));
        // the audit entries were recorded with the outcome; they are chained after that commit and outside the row lock
        // (their own transactions retry when a sibling notification of the membership extends the chain at the same
        // moment). A crash before this leaves them recorded, and the next start of any node chains them (AuditTrail).
        auditTrail.chainRecorded(outcome.audit());
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
    }

    /** What one send did: the audit entries it recorded, and the failure the engine is to retry, if any. */
    private record Outcome(List<Long> audit, RuntimeException failure) {
    }

    private Outcome sendOnce(String reference) {
        AuthorityNotification n = notifications.lockByReference(reference)
                .orElseThrow(() -> new NotFoundException("No notification " + reference));
        Long membershipId = n.getMembership().getId();
        if (n.isDone()) {
            log.info("Notification {} was sent before: not sent again", reference);
            return new Outcome(List.of(), null);
        }
        CompetentAuthority authority = authorities.get(n.getAuthorityCode());
        LetterContent letter = contents.keep(n, authority);
        AuthorityChannels.Delivery delivery;
        try {
            delivery = channels.deliver(authority, letter, letters.subject(letter), letters.body(letter), n.getDocument());
        } catch (RuntimeException e) {
            attempts.save(new NotificationAttempt(n.getId(), NotificationAttempt.Outcome.FAILED, authority.getChannel(),
                    authority.getChannelAddress(), null, e.getMessage()));
            n.recordFailure(e.getMessage());
            log.warn("Notification {} to {} failed: {}", reference, authority.getCode(), e.getMessage());
            return new Outcome(List.of(auditTrail.record(membershipId, CurrentUser.SYSTEM, "NOTIFICATION_FAILED",
                    n.getReference() + " to " + authority.getCode() + " by " + authority.getChannel() + " failed: "
                            + e.getMessage())), e);
        }
        attempts.save(new NotificationAttempt(n.getId(), NotificationAttempt.Outcome.SENT, authority.getChannel(),
                authority.getChannelAddress(), delivery.messageId(), null));
        n.markSent(delivery.channel(), delivery.address(), delivery.messageId());
        List<Long> audit = new ArrayList<>();
        audit.add(auditTrail.record(membershipId, CurrentUser.SYSTEM, "NOTIFICATION_SENT", n.getReference() + " sent to " + authority.getCode() + " by "
                + delivery.channel() + " (" + delivery.address() + "), message id " + delivery.messageId()
                + ", letter SHA-256 " + n.getDocumentSha256()));
        AuthorityChannels.Acknowledgement ack = delivery.acknowledgement();
        if (ack != null && !n.isAcknowledgementSettled()) {
            // the intake's own word that it received it: no follow-up will ask for it
            n.acknowledge(AuthorityNotification.AcknowledgementSource.INTAKE, ack.receivedOn(), ack.authorityReference(),
                    CurrentUser.SYSTEM);
            audit.add(auditTrail.record(membershipId, CurrentUser.SYSTEM, "NOTIFICATION_ACKNOWLEDGED", n.getReference() + " acknowledged by " + authority.getCode()
                    + "'s intake on " + ack.receivedOn() + ", authority's reference " + ack.authorityReference()));
        }
        log.info("Notification {} sent to {} by {} ({})", reference, authority.getCode(), delivery.channel(), delivery.messageId());
        return new Outcome(audit, null);
    }
}
