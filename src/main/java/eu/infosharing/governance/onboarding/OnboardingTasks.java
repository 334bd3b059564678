package eu.infosharing.governance.onboarding;

import static eu.infosharing.governance.process.OnboardingProcess.TASK_ACCEPT_RULES;
import static eu.infosharing.governance.process.OnboardingProcess.TASK_AMEND_APPLICATION;
import static eu.infosharing.governance.process.OnboardingProcess.TASK_CHECK_GDPR;
import static eu.infosharing.governance.process.OnboardingProcess.TASK_ENDORSE_APPLICATION;
import static eu.infosharing.governance.process.OnboardingProcess.TASK_REVIEW_COMPETITION_LAW;
import static eu.infosharing.governance.process.OnboardingProcess.TASK_VET_APPLICATION;

import eu.infosharing.governance.engine.DueDates;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipService;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.process.TaskNames;
import java.util.Date;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user task of membership-onboarding opens: what it is named, when it is due, what its form shows, and the
 * membership's status while it waits (an application waits for its sponsors, its reviewers or its applicant).
 */
@Service
@Transactional
public class OnboardingTasks {

    private static final Map<String, MembershipStatus> STATUS_WHILE_OPEN = Map.of(
            TASK_ENDORSE_APPLICATION, MembershipStatus.AWAITING_ENDORSEMENT,
            TASK_VET_APPLICATION, MembershipStatus.UNDER_REVIEW,
            TASK_AMEND_APPLICATION, MembershipStatus.INFORMATION_REQUESTED,
            TASK_ACCEPT_RULES, MembershipStatus.AWAITING_RULES_ACCEPTANCE,
            TASK_CHECK_GDPR, MembershipStatus.COMPLIANCE_REVIEW,
            TASK_REVIEW_COMPETITION_LAW, MembershipStatus.COMPLIANCE_REVIEW);

    private final MembershipService memberships;
    private final TaskContext context;
    private final OnboardingDeadlines deadlines;

    public OnboardingTasks(MembershipService memberships, TaskContext context, OnboardingDeadlines deadlines) {
        this.memberships = memberships;
        this.context = context;
        this.deadlines = deadlines;
    }

    /**
     * How the task shows: its name with who applies where, its due and follow-up dates, and what it keeps from the
     * moment it opened (the rules version it asks to accept, the values on file an amendment starts from).
     */
    public record OpenedTask(String name, Date due, Date followUp, Map<String, Object> kept) {
    }

    /**
     * The task opened: the membership's status says what it waits for, and the answer says how the task shows. It is
     * due when the model's deadline for it ends (a sponsor's answer, the acceptance of the rules, a review), computed
     * as the model's timers compute theirs, and followed up halfway there.
     */
    public OpenedTask open(Long membershipId, String taskKey, String modelName) {
        Membership m = memberships.get(membershipId);
        String name = TaskNames.named(modelName, m.label());
        Date due = DueDates.after(switch (taskKey) {
            case TASK_ENDORSE_APPLICATION -> deadlines.getSponsorResponse();
            case TASK_ACCEPT_RULES -> deadlines.getAcceptanceExpiry();
            default -> deadlines.getReviewDue();
        });
        OpenedTask opened = new OpenedTask(name, due, DueDates.halfwayTo(due),
                context.kept(taskKey, m));
        MembershipStatus status = STATUS_WHILE_OPEN.get(taskKey);
        if (status != null) {
            memberships.transition(membershipId, status, "Waiting for: " + name);
        }
        return opened;
    }

    /** What the task's form shows now (read when the form is read, not stored). */
    @Transactional(readOnly = true)
    public Map<String, Object> shown(Long membershipId, String taskKey, Long sponsorshipId, String screenRationale,
                                     Long rulesVersionId) {
        return context.shown(taskKey, memberships.get(membershipId), sponsorshipId, screenRationale, rulesVersionId);
    }
}
