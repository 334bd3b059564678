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
import eu.infosharing.governance.process.RulesRevisionProcess;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
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
 * exit lifecycle when its final period ends. The rules-revision model calls these steps.
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

    public RulesRevisionService(ArrangementRepository arrangements, RulesOfConductVersionRepository versions,
                                RulesAcceptanceRepository acceptances, MembershipRepository membershipRepository,
                                MembershipService memberships, CessationService cessations, ArrangementAccess access,
                                NotificationSettings dates, CurrentUser currentUser, RuntimeService runtimeService,
                                @Value("${governance.revision.final-period:P30D}") Period finalPeriod) {
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
    }

    public record Publication(String versionLabel, String text, String effectiveDate, String changeSummary) {
    }

    /** Coordinators publish; the members are asked at once, through one process with one branch per member. */
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
        RulesOfConductVersion version = versions.save(new RulesOfConductVersion(a, label, text, effective, summary, currentUser.id()));
        LocalDate effectiveFrom = effective;
        ProductAction.run(() -> runtimeService.startProcessInstanceByKey(RulesRevisionProcess.KEY,
                RulesRevisionProcess.businessKey(version.getId()), Map.of(
                        RulesRevisionProcess.RULES_VERSION_ID.name(), version.getId(),
                        RulesRevisionProcess.EFFECTIVE_AT.name(), dates.startOf(effectiveFrom),
                        RulesRevisionProcess.REMINDER_CYCLE.name(), dates.reminderCycle(effectiveFrom.minusDays(1)),
                        RulesRevisionProcess.FINAL_PERIOD.name(), finalPeriod.toString())));
        return version;
    }

    /** The members asked to accept: every active member of the arrangement when the revision is published. */
    @Transactional(readOnly = true)
    public List<Long> members(Long rulesVersionId) {
        RulesOfConductVersion v = version(rulesVersionId);
        return membershipRepository.findByArrangementIdAndStatusOrderById(v.getArrangement().getId(), MembershipStatus.ACTIVE)
                .stream().map(Membership::getId).toList();
    }

    /** Records acceptance of exactly this version by the person who ticked it. */
    public void accept(Long membershipId, Long rulesVersionId, Object accepted) {
        if (!Boolean.TRUE.equals(accepted)) {
            throw new InvalidInputException(RulesRevisionProcess.RULES_ACCEPTED.name(), "Acceptance", "is required: tick the box to accept the revised rules of conduct");
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
