package eu.infosharing.governance.notification;

import eu.infosharing.governance.api.ConflictException;
import eu.infosharing.governance.api.FieldProblem;
import eu.infosharing.governance.api.InvalidInputException;
import eu.infosharing.governance.api.StrictText;
import eu.infosharing.governance.identity.CurrentUser;
import eu.infosharing.governance.membership.AuditTrail;
import eu.infosharing.governance.process.NotificationProcess;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A notification handed to the member to send itself (the mail that hands it over is
 * {@link AuthorityNotifications#mailMember}): the member's confirmation that it sent it, the escalation when the
 * deadline passes without one, the coordinator's follow-up, and the take-over when the member asks the arrangement to
 * send it after all.
 */
@Service
public class MemberSentNotifications {

    private final AuthorityNotificationRepository notifications;
    private final NotificationSettings settings;
    private final CurrentUser currentUser;
    private final AuditTrail auditTrail;

    public MemberSentNotifications(AuthorityNotificationRepository notifications, NotificationSettings settings,
                                   CurrentUser currentUser, AuditTrail auditTrail) {
        this.notifications = notifications;
        this.settings = settings;
        this.currentUser = currentUser;
        this.auditTrail = auditTrail;
    }

    /** The deadline passed without confirmation: recorded, and a coordinator gets a task. */
    @Transactional
    public void escalate(String reference) {
        AuthorityNotification n = notifications.getByReference(reference);
        n.escalate();
        auditTrail.appendSeparately(n.getMembership().getId(), CurrentUser.SYSTEM, "NOTIFICATION_OVERDUE", n.getReference() + " to " + n.getAuthorityCode()
                + " not confirmed by its due date " + n.getDueDate() + ": a coordinator follows up");
    }

    /**
     * The member sent it itself: the authority's reference (or its acknowledgement's subject) and the date are the
     * evidence. Also used by a coordinator who records the member's evidence on the overdue task.
     */
    @Transactional
    public void confirm(String reference, String memberReference, Object sentOn) {
        AuthorityNotification n = notifications.getByReference(reference);
        List<FieldProblem> problems = new ArrayList<>();
        String ref = StrictText.singleLine(NotificationProcess.MEMBER_REFERENCE.name(), "Reference received from the authority", memberReference, 200,
                "is required: the authority's acknowledgement number, or the subject of its reply", problems);
        LocalDate date = sentOn instanceof LocalDate d ? d : sentOn == null ? null : StrictText.isoDate(sentOn.toString()).orElse(null);
        if (date == null) {
            problems.add(new FieldProblem(NotificationProcess.MEMBER_SENT_ON.name(), "Date sent", "is required, written exactly as YYYY-MM-DD"));
        } else if (date.isAfter(settings.today())) {
            problems.add(new FieldProblem(NotificationProcess.MEMBER_SENT_ON.name(), "Date sent", "cannot be in the future"));
        } else if (date.isBefore(n.getEffectiveDate().minusDays(30))) {
            problems.add(new FieldProblem(NotificationProcess.MEMBER_SENT_ON.name(), "Date sent", "is before the " + n.getEvent().name().toLowerCase(Locale.ROOT)
                    + " took effect (" + n.getEffectiveDate() + ")"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (n.isDone()) {
            throw new ConflictException("Notification " + reference + " is already " + n.getStatus());
        }
        n.confirm(currentUser.id(), ref, date);
        n.getMembership().audit(currentUser.id(), "NOTIFICATION_CONFIRMED", n.getReference() + " to " + n.getAuthorityCode()
                + " sent by the member on " + date + ", authority's reference " + ref);
    }

    /**
     * A coordinator's follow-up of an overdue notification: the member was chased (its task stays open), or it
     * showed evidence of sending, which is recorded as its confirmation. The note is required either way.
     */
    @Transactional
    public void followUp(String reference, String decision, String note, String memberReference, Object sentOn) {
        String what = note == null ? "" : note.strip();
        if (what.isEmpty()) {
            throw new InvalidInputException(NotificationProcess.FOLLOW_UP_NOTE.name(), "What was done", "is required: it is kept in the membership's history");
        }
        if ("RECORD_CONFIRMATION".equals(decision)) {
            confirm(reference, memberReference, sentOn);
        } else if ("CHASED".equals(decision)) {
            AuthorityNotification n = notifications.getByReference(reference);
            n.getMembership().audit(currentUser.id(), "NOTIFICATION_CHASED", n.getReference() + ": " + what);
        } else {
            throw new InvalidInputException(NotificationProcess.FOLLOW_UP_DECISION.name(), "Outcome", "must be CHASED or RECORD_CONFIRMATION");
        }
    }

    /** The member changed its mind while the notification waited for it: we send it after all. */
    @Transactional
    public void takeOver(String reference) {
        AuthorityNotification n = notifications.getByReference(reference);
        if (!n.isDone()) {
            n.sendOnBehalf();
            n.getMembership().audit(currentUser.id(), "NOTIFICATION_TAKEN_OVER", n.getReference()
                    + ": the member asked the arrangement to send it on its behalf");
        }
    }
}
