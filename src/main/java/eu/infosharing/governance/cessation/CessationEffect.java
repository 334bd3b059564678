package eu.infosharing.governance.cessation;

import static eu.infosharing.governance.cessation.CessationService.text;

import eu.infosharing.governance.api.FieldProblem;
import eu.infosharing.governance.api.InvalidInputException;
import eu.infosharing.governance.api.StrictText;
import eu.infosharing.governance.arrangement.ArrangementAccess;
import eu.infosharing.governance.identity.CurrentUser;
import eu.infosharing.governance.identity.Privileged;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.notification.AuthorityNotifications;
import eu.infosharing.governance.notification.NotificationEvent;
import eu.infosharing.governance.notification.NotificationSettings;
import eu.infosharing.governance.process.AcknowledgementProcess;
import eu.infosharing.governance.process.CessationProcess;
import eu.infosharing.governance.process.NotificationProcess;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cessation taking effect on its date (status, access, open work, notifications to the authorities) and what
 * follows from that date: the destruction of shared information the member confirms by its due date, and the erasure
 * of the contacts' personal data. The membership-cessation model's steps after its wait call these.
 */
@Service
@Transactional
public class CessationEffect {

    private final CessationService cessations;
    private final CurrentUser currentUser;
    private final NotificationSettings dates;
    private final CessationSettings settings;
    private final ArrangementAccess access;
    private final AuthorityNotifications notifications;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;

    public CessationEffect(CessationService cessations, CurrentUser currentUser, NotificationSettings dates,
                           CessationSettings settings, ArrangementAccess access, AuthorityNotifications notifications,
                           RuntimeService runtimeService, IdentityService identityService) {
        this.cessations = cessations;
        this.currentUser = currentUser;
        this.dates = dates;
        this.settings = settings;
        this.access = access;
        this.notifications = notifications;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
    }

    /**
     * On the effective date: CEASED, access revoked, the membership's other open work cancelled with the reason,
     * and one cessation notification per competent authority. Answers the notifications' references.
     */
    public List<String> takeEffect(Long cessationId, String cessationProcessInstanceId) {
        Cessation c = cessations.cessation(cessationId);
        Membership m = c.getMembership();
        String why = c.getKind().label() + " took effect on " + c.getEffectiveDate() + ": " + c.getReason();
        if (c.getStatus() != Cessation.Status.EFFECTIVE) {
            c.takeEffect();
            List<String> left = access.revoke(m.getOrganisation(), m.getArrangement(), Set.of());
            m.transition(MembershipStatus.CEASED, currentUser.id(), why
                    + (left.isEmpty() ? "" : "; access revoked for " + String.join(", ", left)));
            // notifications still owed to an authority survive the cessation (the member must still tell it of its
            // entry), and so do the process that waits for them and the follow-up of an acknowledgement the authority
            // still owes; every other open process is cancelled
            Privileged.run(identityService, () -> runtimeService.createProcessInstanceQuery()
                    .processInstanceBusinessKey(String.valueOf(m.getId()))
                    .processDefinitionKeyNotIn(NotificationProcess.KEY, AcknowledgementProcess.KEY).list().stream()
                    .filter(pi -> !pi.getId().equals(cessationProcessInstanceId))
                    .filter(pi -> runtimeService.createProcessInstanceQuery().subProcessInstanceId(pi.getId()).count() == 0)
                    .filter(pi -> runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi.getId())
                            .processDefinitionKey(NotificationProcess.KEY).count() == 0)
                    .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "Membership ceased: " + why)));
        }
        return notifications.create(m.getId(), NotificationEvent.CESSATION, c.getEffectiveDate());
    }

    public Date destructionDue(Long cessationId) {
        return dates.endOf(cessations.cessation(cessationId).getEffectiveDate().plus(settings.getDestructionDue()));
    }

    public Date destructionReminderAt(Long cessationId) {
        LocalDate due = cessations.cessation(cessationId).getEffectiveDate().plus(settings.getDestructionDue());
        return dates.startOf(due.minus(settings.getDestructionReminderLead()));
    }

    /** When the contacts' personal data are erased: the retention period after the effective date. */
    public Date erasureAt(Long cessationId) {
        return dates.startOf(cessations.cessation(cessationId).getEffectiveDate().plus(settings.getRetention()));
    }

    public void confirmDestruction(Long cessationId, Object confirmed, String statement) {
        if (!Boolean.TRUE.equals(confirmed)) {
            throw new InvalidInputException(CessationProcess.DESTRUCTION_CONFIRMED.name(), "Confirmation",
                    "is required: tick it once everything received under TLP:AMBER, AMBER+STRICT and RED is destroyed");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String text = text(StrictText.freeText(CessationProcess.DESTRUCTION_STATEMENT.name(), "Statement", statement,
                CessationService.MAX_TEXT, null, problems));
        StrictText.refuseIfAny(problems);
        Cessation c = cessations.cessation(cessationId);
        c.confirmDestruction(currentUser.id(), text.isEmpty() ? null : text);
        c.getMembership().audit(currentUser.id(), "DESTRUCTION_CONFIRMED", "Destruction of information received under "
                + "TLP:AMBER and above confirmed" + (text.isEmpty() ? "" : ": " + text));
    }
}
