package eu.infosharing.governance.cessation;

import static eu.infosharing.governance.cessation.CessationService.text;

import eu.infosharing.governance.api.FieldProblem;
import eu.infosharing.governance.api.InvalidInputException;
import eu.infosharing.governance.api.StrictText;
import eu.infosharing.governance.arrangement.ArrangementAccess;
import eu.infosharing.governance.identity.CurrentUser;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.notification.NotificationSettings;
import eu.infosharing.governance.process.CessationProcess;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A breach of the rules of conduct, heard before it is decided: the member's response, then the coordinator's
 * warning, suspension or expulsion with its reason. The membership-cessation model's breach tasks call these.
 */
@Service
@Transactional
public class BreachProcedure {

    private final CessationService cessations;
    private final CurrentUser currentUser;
    private final NotificationSettings dates;
    private final ArrangementAccess access;

    public BreachProcedure(CessationService cessations, CurrentUser currentUser, NotificationSettings dates,
                           ArrangementAccess access) {
        this.cessations = cessations;
        this.currentUser = currentUser;
        this.dates = dates;
        this.access = access;
    }

    public void recordResponse(Long cessationId, String response) {
        List<FieldProblem> problems = new ArrayList<>();
        String text = text(StrictText.freeText(CessationProcess.BREACH_RESPONSE.name(), "Your response", response, 4000,
                "is required: say what happened and what you did about it", problems));
        StrictText.refuseIfAny(problems);
        Cessation c = cessations.cessation(cessationId);
        c.respond(currentUser.id(), text);
        c.getMembership().audit(currentUser.id(), "BREACH_RESPONSE", "The member responded to the breach report: " + text);
    }

    /** Records the decision with its reason and applies it; answers the effective date of an expulsion. */
    public Date decideBreach(Long cessationId, String decision, String reason) {
        Cessation c = cessations.cessation(cessationId);
        List<FieldProblem> problems = new ArrayList<>();
        String why = text(StrictText.freeText(CessationProcess.BREACH_DECISION_REASON.name(), "Reason", reason,
                CessationService.MAX_TEXT, null, problems));
        StrictText.refuseIfAny(problems);
        Cessation.BreachDecision d;
        try {
            d = Cessation.BreachDecision.valueOf(decision == null ? "" : decision);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(CessationProcess.BREACH_DECISION.name(), "Decision", "must be WARNING, SUSPENSION or EXPULSION");
        }
        if (why.isEmpty()) {
            throw new InvalidInputException(CessationProcess.BREACH_DECISION_REASON.name(), "Reason", "is required: the member is told why");
        }
        LocalDate today = dates.today();
        c.decide(d, why, currentUser.id(), today);
        Membership m = c.getMembership();
        m.audit(currentUser.id(), "BREACH_DECISION", d + ": " + why);
        switch (d) {
            case WARNING -> {
                // the membership goes on; the warning is on record in the cessation
            }
            case SUSPENSION -> {
                m.transition(MembershipStatus.SUSPENDED, currentUser.id(), "Suspended after a breach: " + why);
                access.revoke(m.getOrganisation(), m.getArrangement(), Set.of());
            }
            case EXPULSION -> m.transition(MembershipStatus.CESSATION_PENDING, currentUser.id(),
                    "Expelled after a breach: " + why + CessationService.takesEffect(dates, today));
        }
        return d == Cessation.BreachDecision.EXPULSION ? dates.startOf(today) : null;
    }
}
