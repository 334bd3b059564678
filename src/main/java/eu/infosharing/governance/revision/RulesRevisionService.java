package eu.infosharing.governance.revision;

import eu.infosharing.governance.api.FieldProblem;
import eu.infosharing.governance.api.ForbiddenException;
import eu.infosharing.governance.api.InvalidInputException;
import eu.infosharing.governance.api.NotFoundException;
import eu.infosharing.governance.api.StrictText;
import eu.infosharing.governance.arrangement.Arrangement;
import eu.infosharing.governance.arrangement.ArrangementAccess;
import eu.infosharing.governance.arrangement.ArrangementRepository;
import eu.infosharing.governance.arrangement.RulesOfConductVersion;
import eu.infosharing.governance.arrangement.RulesOfConductVersionRepository;
import eu.infosharing.governance.cessation.CessationService;
import eu.infosharing.governance.identity.CurrentUser;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipRepository;
import eu.infosharing.governance.membership.MembershipService;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.notification.NotificationSettings;
import eu.infosharing.governance.onboarding.RulesAcceptance;
import eu.infosharing.governance.onboarding.RulesAcceptanceRepository;
import eu.infosharing.governance.process.ProductAction;
import eu.infosharing.governance.process.RulesAcceptanceProcess;
import eu.infosharing.governance.process.RulesRevisionProcess;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * New versions of an arrangement's rules of conduct: published by a coordinator, accepted by every active member
 * before they take effect; a member that has not accepted is suspended on the effective date and lapses into the
 * exit lifecycle when its final period ends. The rules-revision model asks the members in batches, one
 * rules-acceptance instance each (whose steps these are too), and waits until the last of them has settled.
 */
@Service("rulesRevisionService")
@Transactional
public class RulesRevisionService {

    private final ArrangementRepository arrangements;
    private final RulesOfConductVersionRepository versions;
    private final RulesAcceptanceRepository acceptances;
    private final MembershipRepository membershipRepository;
    private final MembershipService memberships;
    private final CessationService cessations;
    private final ArrangementAccess access;
    private final NotificationSettings dates;
    private final CurrentUser currentUser;
    private final RuntimeService runtimeService;
    private final Period finalPeriod;
    private final RulesAcceptanceRequestRepository requests;
    private final int batchSize;

    public RulesRevisionService(ArrangementRepository arrangements, RulesOfConductVersionRepository versions,
                                RulesAcceptanceRepository acceptances, MembershipRepository membershipRepository,
                                MembershipService memberships, CessationService cessations, ArrangementAccess access,
                                NotificationSettings dates, CurrentUser currentUser, RuntimeService runtimeService,
                                @Value("${governance.revision.final-period:P30D}") Period finalPeriod,
                                RulesAcceptanceRequestRepository requests,
                                @Value("${governance.revision.batch-size:250}") int batchSize) {
        this.arrangements = arrangements;
        this.versions = versions;
        this.acceptances = acceptances;
        this.membershipRepository = membershipRepository;
        this.memberships = memberships;
        this.cessations = cessations;
        this.access = access;
        this.dates = dates;
        this.currentUser = currentUser;
        this.runtimeService = runtimeService;
        this.finalPeriod = finalPeriod;
        this.requests = requests;
        this.batchSize = batchSize;
    }

    public record Publication(String versionLabel, String text, String effectiveDate, String changeSummary) {
    }

    /**
     * Coordinators publish; every member active now is asked, each through a rules-acceptance instance of its own that
     * the revision starts in batches.
     */
    public RulesOfConductVersion publish(String arrangementCode, Publication p) {
        if (!currentUser.isIn(Roles.COORDINATORS)) {
            throw new ForbiddenException("Only coordinators publish new rules of conduct");
        }
        Arrangement a = arrangements.findByCode(arrangementCode == null ? "" : arrangementCode.toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new NotFoundException("No arrangement " + arrangementCode));
        List<FieldProblem> problems = new ArrayList<>();
        String label = StrictText.singleLine("versionLabel", "Version", p.versionLabel(), 20,
                "is required, at most 20 characters (e.g. 2.0)", problems);
        if (label != null && versions.existsByArrangementIdAndVersionLabel(a.getId(), label)) {
            problems.add(new FieldProblem("versionLabel", "Version", "'" + label + "' is already published for " + a.getCode()));
        }
        String text = StrictText.freeText("text", "Text of the rules", p.text(), 20000, "is required, at most 20000 characters",
                problems);
        String summary = StrictText.freeText("changeSummary", "Summary of changes", p.changeSummary(), 4000,
                "is required, at most 4000 characters", problems);
        LocalDate effective = p.effectiveDate() == null ? null : StrictText.isoDate(p.effectiveDate()).orElse(null);
        if (effective == null) {
            problems.add(new FieldProblem("effectiveDate", "Effective date", "is required, written exactly as YYYY-MM-DD"));
        } else if (!effective.isAfter(dates.today())) {
            problems.add(new FieldProblem("effectiveDate", "Effective date", "must be in the future: members need time to accept"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        RulesOfConductVersion version = versions.saveAndFlush(new RulesOfConductVersion(a, label, text, effective, summary,
                currentUser.id()));
        int asked = requests.askActiveMembers(version.getId(), a.getId(), batchSize);
        LocalDate effectiveFrom = effective;
        ProductAction.run(() -> runtimeService.startProcessInstanceByKey(RulesRevisionProcess.KEY,
                RulesRevisionProcess.businessKey(version.getId()), Map.of(
                        RulesRevisionProcess.RULES_VERSION_ID.name(), version.getId(),
                        RulesRevisionProcess.EFFECTIVE_AT.name(), dates.startOf(effectiveFrom),
                        RulesRevisionProcess.REMINDER_CYCLE.name(), dates.reminderCycle(effectiveFrom.minusDays(1)),
                        RulesRevisionProcess.FINAL_PERIOD.name(), finalPeriod.toString(),
                        RulesRevisionProcess.MEMBERS_ASKED.name(), asked)));
        return version;
    }

    /** The batches of members the revision asks, one job each (the members were listed when it was published). */
    @Transactional(readOnly = true)
    public List<Integer> batches(Long rulesVersionId) {
        return requests.batches(rulesVersionId);
    }

    /**
     * Starts the rules-acceptance instance of each member of the batch that has none yet, in this one transaction: a
     * batch retried after a failure (its transaction rolled back) or run twice starts no second one for a member. The
     * rows stay locked until the transaction ends.
     */
    public int askBatch(Long rulesVersionId, int batchNumber, Date effectiveAt, String reminderCycle, String finalPeriod) {
        List<RulesAcceptanceRequest> open = requests
                .findByRulesVersionIdAndBatchNumberAndProcessInstanceIdIsNullOrderByMembershipId(rulesVersionId, batchNumber);
        for (RulesAcceptanceRequest r : open) {
            Map<String, Object> variables = new HashMap<>();
            RulesAcceptanceProcess.RULES_VERSION_ID.putIn(variables, rulesVersionId);
            RulesAcceptanceProcess.MEMBERSHIP_ID.putIn(variables, r.getMembershipId());
            RulesAcceptanceProcess.EFFECTIVE_AT.putIn(variables, effectiveAt);
            RulesAcceptanceProcess.REMINDER_CYCLE.putIn(variables, reminderCycle);
            RulesAcceptanceProcess.FINAL_PERIOD.putIn(variables, finalPeriod);
            r.asked(runtimeService.startProcessInstanceByKey(RulesAcceptanceProcess.KEY, String.valueOf(r.getMembershipId()),
                    variables).getId());
        }
        return open.size();
    }

    /**
     * A member's acceptance instance ended (accepted, reinstated, lapsed, or cancelled): its request settles, and the
     * last one of the revision to settle tells the revision. The revision's row is locked before counting, so of two
     * members settling at the same moment as the last two, the second counts after the first has committed and sees
     * zero: never both miss it, never both send it.
     */
    public void settled(Long rulesVersionId, Long membershipId) {
        if (requests.settle(rulesVersionId, membershipId, Instant.now()) == 0) {
            return;
        }
        requests.lockVersion(rulesVersionId);
        if (requests.countByRulesVersionIdAndSettledAtIsNull(rulesVersionId) > 0) {
            return;
        }
        String revision = RulesRevisionProcess.businessKey(rulesVersionId);
        if (runtimeService.createProcessInstanceQuery().processDefinitionKey(RulesRevisionProcess.KEY)
                .processInstanceBusinessKey(revision).count() > 0) {
            runtimeService.createMessageCorrelation(RulesRevisionProcess.MEMBERS_SETTLED_MESSAGE)
                    .processInstanceBusinessKey(revision).correlateWithResult();
        }
    }

    /**
     * The members the first version of rules-revision asks in one instance (its multi-instance collection): kept for
     * its instances that still run. Every active member of the arrangement.
     */
    @Transactional(readOnly = true)
    public List<Long> members(Long rulesVersionId) {
        RulesOfConductVersion v = version(rulesVersionId);
        return membershipRepository.findByArrangementIdAndStatusOrderById(v.getArrangement().getId(), MembershipStatus.ACTIVE)
                .stream().map(Membership::getId).toList();
    }

    /** Records acceptance of exactly this version by the person who ticked it. */
    public void accept(Long membershipId, Long rulesVersionId, Object accepted) {
        if (!Boolean.TRUE.equals(accepted)) {
            throw new InvalidInputException(RulesAcceptanceProcess.RULES_ACCEPTED.name(), "Acceptance", "is required: tick the box to accept the revised rules of conduct");
        }
        Membership m = memberships.get(membershipId);
        RulesOfConductVersion v = version(rulesVersionId);
        acceptances.save(new RulesAcceptance(m, v, currentUser.id()));
        m.audit(currentUser.id(), "RULES_ACCEPTED", "Rules of conduct version " + v.getVersionLabel() + " accepted");
    }

    /** Not accepted by the effective date: access paused, the membership stays for the final period. */
    public void suspend(Long membershipId, Long rulesVersionId) {
        Membership m = memberships.get(membershipId);
        if (m.getStatus() == MembershipStatus.ACTIVE) {
            RulesOfConductVersion v = version(rulesVersionId);
            access.revoke(m.getOrganisation(), m.getArrangement(), Set.of());
            m.transition(MembershipStatus.SUSPENDED, CurrentUser.SYSTEM, "Rules of conduct version " + v.getVersionLabel()
                    + " not accepted by " + v.getEffectiveFrom() + ": access paused for a final period of " + finalPeriod);
        }
    }

    /** Accepted during the suspension: active again, with access. */
    public void reinstate(Long membershipId, Long rulesVersionId) {
        Membership m = memberships.get(membershipId);
        if (m.getStatus() == MembershipStatus.SUSPENDED) {
            access.grant(m.getOrganisation(), m.getArrangement());
            m.transition(MembershipStatus.ACTIVE, currentUser.id(), "Reinstated: rules of conduct version "
                    + version(rulesVersionId).getVersionLabel() + " accepted during the suspension");
        }
    }

    /** The final period ended without acceptance: the membership lapses into the exit lifecycle. */
    public void lapse(Long membershipId, Long rulesVersionId) {
        Membership m = memberships.get(membershipId);
        if (m.getStatus() == MembershipStatus.SUSPENDED) {
            cessations.request(membershipId, new CessationService.Request("LAPSE", "Rules of conduct version "
                    + version(rulesVersionId).getVersionLabel() + " not accepted within the final period", null, null));
        }
    }

    /** On the effective date the new version becomes the arrangement's rules (new applicants accept this one). */
    public void adopt(Long rulesVersionId) {
        RulesOfConductVersion v = version(rulesVersionId);
        v.getArrangement().adopt(v);
    }

    @Transactional(readOnly = true)
    public RulesOfConductVersion version(Long id) {
        return versions.findById(id).orElseThrow(() -> new NotFoundException("No rules version " + id));
    }

}
