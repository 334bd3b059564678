package eu.infosharing.governance.notification;

import eu.infosharing.governance.api.ConflictException;
import eu.infosharing.governance.api.FieldProblem;
import eu.infosharing.governance.api.ForbiddenException;
import eu.infosharing.governance.api.InvalidInputException;
import eu.infosharing.governance.api.StrictText;
import eu.infosharing.governance.identity.CurrentUser;
import eu.infosharing.governance.identity.Privileged;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.NotificationMode;
import eu.infosharing.governance.process.AcknowledgementProcess;
import eu.infosharing.governance.process.ProductAction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Proof of receipt. "SENT" only means that the mail server or the authority's intake accepted the letter; the
 * authority's acknowledgement (its date and its own reference) is read from the intake's answer, or recorded by a
 * coordinator, or by the member for a notification it sends itself. A notification still without one after the
 * acknowledgement period raises a coordinator's follow-up (bpmn/notification-acknowledgement.bpmn).
 */
@Service
public class Acknowledgements {

    private static final Logger log = LoggerFactory.getLogger(Acknowledgements.class);

    private final AuthorityNotificationRepository notifications;
    private final NotificationQueries queries;
    private final NotificationSettings settings;
    private final CurrentUser currentUser;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final TransactionTemplate eachInItsOwn;

    public Acknowledgements(AuthorityNotificationRepository notifications, NotificationQueries queries,
                            NotificationSettings settings, CurrentUser currentUser, RuntimeService runtimeService,
                            IdentityService identityService, PlatformTransactionManager transactions) {
        this.notifications = notifications;
        this.queries = queries;
        this.settings = settings;
        this.currentUser = currentUser;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.eachInItsOwn = new TransactionTemplate(transactions);
    }

    /**
     * The API's door: a coordinator records the authority's acknowledgement of any notification, a member's
     * representative only of one its organisation sends itself. A running follow-up is ended: no coordinator chases an
     * authority that has answered.
     */
    @Transactional
    public AuthorityNotification record(Long notificationId, String acknowledgedOn, String authorityReference) {
        AuthorityNotification n = queries.getVisible(notificationId); // 404 for another organisation's
        boolean coordinator = currentUser.isIn(Roles.COORDINATORS);
        boolean memberSendingItself = currentUser.represents(n.getMembership().getOrganisation())
                && n.getMode() == NotificationMode.PREPARE_ONLY;
        if (!coordinator && !memberSendingItself) {
            throw new ForbiddenException("Only coordinators record an authority's acknowledgement, and the member's "
                    + "representatives for a notification the member sends itself");
        }
        recordAcknowledgement(n, acknowledgedOn, authorityReference, "");
        // the person may not move process instances: this is the product acting on what it has just stored
        Privileged.run(identityService, () -> ProductAction.run(() -> runtimeService
                .createMessageCorrelation(AcknowledgementProcess.ACKNOWLEDGED_MESSAGE)
                .processInstanceBusinessKey(String.valueOf(n.getMembership().getId()))
                .processInstanceVariableEquals(AcknowledgementProcess.REFERENCE.name(), n.getReference())
                .correlateAll()));
        return n;
    }

    /** The coordinator's follow-up task: record the acknowledgement, record the chase, or close the wait. */
    @Transactional
    public void followUp(String reference, String decision, String note, String authorityReference, String acknowledgedOn) {
        AuthorityNotification n = queries.byReference(reference);
        String what = note == null ? "" : note.strip();
        if (what.isEmpty()) {
            throw new InvalidInputException(AcknowledgementProcess.NOTE.name(), "What was done",
                    "is required: it is kept in the membership's history");
        }
        switch (decision == null ? "" : decision) {
            case "RECORD_ACKNOWLEDGEMENT" -> recordAcknowledgement(n, acknowledgedOn, authorityReference, ": " + what);
            case "CHASED" -> n.getMembership().audit(currentUser.id(), "ACKNOWLEDGEMENT_CHASED", n.getReference() + ": "
                    + n.getAuthorityCode() + " asked for its acknowledgement: " + what);
            case "NOT_EXPECTED" -> {
                settle(n);
                n.waiveAcknowledgement(currentUser.id());
                n.getMembership().audit(currentUser.id(), "ACKNOWLEDGEMENT_WAIVED", n.getReference() + ": "
                        + n.getAuthorityCode() + " does not acknowledge; the wait is closed: " + what);
            }
            default -> throw new InvalidInputException(AcknowledgementProcess.DECISION.name(), "Outcome",
                    "must be RECORD_ACKNOWLEDGEMENT, CHASED or NOT_EXPECTED");
        }
    }

    /** The day the follow-up is due: the acknowledgement period of the authority after the letter went out. */
    public LocalDate due(AuthorityNotification n) {
        LocalDate done = queries.doneOn(n);
        return done == null ? null : done.plus(settings.acknowledgementPeriod(n.getAuthorityCode()));
    }

    /** Every hour (and on demand): a follow-up for each notification whose acknowledgement period has run out. */
    @Scheduled(fixedDelayString = "${governance.notification.acknowledgement-check-interval:PT1H}",
            initialDelayString = "${governance.notification.acknowledgement-check-delay:PT2M}")
    public void raiseDueFollowUps() {
        raiseFollowUps(settings.today());
    }

    /** Starts one follow-up per notification due by this day, each in its own transaction; answers their references. */
    public List<String> raiseFollowUps(LocalDate today) {
        List<String> raised = new ArrayList<>();
        for (AuthorityNotification candidate : notifications.awaitingAcknowledgement(NotificationStatus.DONE)) {
            LocalDate due = due(candidate);
            if (due == null || today.isBefore(due)) {
                continue;
            }
            try {
                eachInItsOwn.executeWithoutResult(s -> raise(candidate.getId()));
                raised.add(candidate.getReference());
            } catch (RuntimeException e) {
                log.warn("Could not raise the acknowledgement follow-up of {}: {}", candidate.getReference(), e.toString());
            }
        }
        return raised;
    }

    private void raise(Long notificationId) {
        AuthorityNotification n = notifications.findById(notificationId).orElseThrow();
        if (n.isAcknowledgementSettled() || n.getAcknowledgementFollowUpAt() != null) {
            return;
        }
        n.followUpAcknowledgement();
        n.getMembership().audit(CurrentUser.SYSTEM, "ACKNOWLEDGEMENT_MISSING", n.getReference() + " to "
                + n.getAuthorityCode() + " not acknowledged by " + due(n) + ": a coordinator follows up");
        ProductAction.run(() -> runtimeService.startProcessInstanceByKey(AcknowledgementProcess.KEY,
                String.valueOf(n.getMembership().getId()), Map.of(AcknowledgementProcess.MEMBERSHIP_ID.name(),
                        n.getMembership().getId(), AcknowledgementProcess.REFERENCE.name(), n.getReference(),
                        AcknowledgementProcess.CHASE_AGAIN_AFTER.name(),
                        settings.acknowledgementPeriod(n.getAuthorityCode()).toString())));
    }

    private record Acknowledgement(LocalDate on, String reference) {
    }

    private void recordAcknowledgement(AuthorityNotification n, String acknowledgedOn, String authorityReference, String note) {
        Acknowledgement ack = validate(n, acknowledgedOn, authorityReference);
        settle(n);
        n.acknowledge(AuthorityNotification.AcknowledgementSource.RECORDED, ack.on(), ack.reference(), currentUser.id());
        n.getMembership().audit(currentUser.id(), "NOTIFICATION_ACKNOWLEDGED", n.getReference() + " acknowledged by "
                + n.getAuthorityCode() + " on " + ack.on() + ", authority's reference " + ack.reference() + note);
    }

    private Acknowledgement validate(AuthorityNotification n, String acknowledgedOn, String authorityReference) {
        List<FieldProblem> problems = new ArrayList<>();
        String reference = StrictText.singleLine(AcknowledgementProcess.AUTHORITY_REFERENCE.name(), "The authority's reference",
                authorityReference, 200, "is required: the number or subject the authority gave its acknowledgement", problems);
        LocalDate on = acknowledgedOn == null ? null : StrictText.isoDate(acknowledgedOn).orElse(null);
        LocalDate sent = queries.doneOn(n);
        if (on == null) {
            problems.add(new FieldProblem(AcknowledgementProcess.ACKNOWLEDGED_ON.name(), "Acknowledged on",
                    "is required, written exactly as YYYY-MM-DD"));
        } else if (on.isAfter(settings.today())) {
            problems.add(new FieldProblem(AcknowledgementProcess.ACKNOWLEDGED_ON.name(), "Acknowledged on",
                    "cannot be in the future"));
        } else if (sent != null && on.isBefore(sent)) {
            problems.add(new FieldProblem(AcknowledgementProcess.ACKNOWLEDGED_ON.name(), "Acknowledged on",
                    "is before the notification was sent (" + sent + ")"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Acknowledgement(on, reference);
    }

    /** Only a notification that went out can be acknowledged, and only once. */
    private static void settle(AuthorityNotification n) {
        if (!n.isDone()) {
            throw new ConflictException("Notification " + n.getReference() + " has not been sent yet (" + n.getStatus()
                    + "): there is nothing to acknowledge");
        }
        if (n.isAcknowledgementSettled()) {
            throw new ConflictException("Notification " + n.getReference() + " is already "
                    + (n.getAcknowledgementSource() == AuthorityNotification.AcknowledgementSource.WAIVED
                    ? "closed without acknowledgement" : "acknowledged (" + n.getAuthorityReference() + ")"));
        }
    }
}
