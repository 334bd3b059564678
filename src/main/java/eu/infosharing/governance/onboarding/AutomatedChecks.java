package eu.infosharing.governance.onboarding;

import eu.infosharing.governance.arrangement.Arrangement;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipRepository;
import eu.infosharing.governance.membership.MembershipService;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.organisation.EnterpriseNumber;
import eu.infosharing.governance.organisation.Lei;
import eu.infosharing.governance.organisation.Organisation;
import eu.infosharing.governance.process.ApplicationFields;
import eu.infosharing.governance.process.OnboardingProcess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The first step of membership-onboarding: the automated checks of an application, before any person looks at it. */
@Service
@Transactional
public class AutomatedChecks {

    private final MembershipService membershipService;
    private final MembershipRepository memberships;

    public AutomatedChecks(MembershipService membershipService, MembershipRepository memberships) {
        this.membershipService = membershipService;
        this.memberships = memberships;
    }

    /** Identifiers and duplicates, checked again on the stored data (the model may be started by other means than ours). */
    public CheckOutcome run(Long membershipId) {
        Membership m = membershipService.get(membershipId);
        Organisation o = m.getOrganisation();
        Arrangement a = m.getArrangement();
        List<String> failures = new ArrayList<>();
        if (o.getEnterpriseNumber() != null) {
            EnterpriseNumber.problem(o.getEnterpriseNumber()).ifPresent(p -> failures.add("Enterprise number " + p));
        } else if (o.getForeignRegisterId() == null) {
            failures.add("The organisation has neither an enterprise number nor a national register id");
        }
        if (o.getLei() != null) {
            Lei.problem(o.getLei()).ifPresent(p -> failures.add("LEI " + p));
        } else if (o.getDoraEntityType() != null) {
            failures.add("A DORA financial entity must have an LEI");
        }
        if (memberships.existsByOrganisationIdAndArrangementIdAndStatusInAndIdNot(o.getId(), a.getId(),
                MembershipStatus.OPEN, m.getId())) {
            failures.add(o.getLegalName() + " already has a pending or active membership of " + a.getName());
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put(ApplicationFields.PARTICIPANT_TYPE.name(), o.getParticipantType().name());
        inputs.put(OnboardingProcess.ADMITTED_BY_ARRANGEMENT.name(), a.admits(o.getParticipantType()));
        inputs.put(ApplicationFields.DORA_ENTITY_TYPE.name(), o.getDoraEntityType() == null ? null : o.getDoraEntityType().name());
        inputs.put(ApplicationFields.NIS2_STATUS.name(), o.getNis2Status().name());
        inputs.put(OnboardingProcess.ARRANGEMENT_ADMITS_COMPETITORS.name(), a.isAdmitsDirectCompetitors());
        return new CheckOutcome(failures.isEmpty(), failures.isEmpty() ? null : String.join("; ", failures),
                a.getRequiredSponsors(), inputs);
    }
}
