package eu.infosharing.governance.onboarding;

import eu.infosharing.governance.api.ConflictException;
import eu.infosharing.governance.api.ForbiddenException;
import eu.infosharing.governance.engine.AuthorizationGrants;
import eu.infosharing.governance.identity.CurrentUser;
import eu.infosharing.governance.identity.Privileged;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipRepository;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.organisation.Organisation;
import eu.infosharing.governance.organisation.OrganisationDeclaration;
import eu.infosharing.governance.organisation.OrganisationRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import eu.infosharing.governance.process.OnboardingProcess;
import eu.infosharing.governance.process.ProductAction;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes in applications: validates them, registers the organisation and the membership, and starts
 * membership-onboarding. The API calls {@link #submit}; the Tasklist start form reaches {@link #register}
 * through {@link RegisterApplicationListener}, so both follow the same rules.
 */
@Service
public class ApplicationService {

    private final ApplicationValidator validator;
    private final OrganisationRepository organisations;
    private final MembershipRepository memberships;
    private final SponsorshipRepository sponsorships;
    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final CurrentUser currentUser;
    private final AuthorizationGrants grants;

    public ApplicationService(ApplicationValidator validator, OrganisationRepository organisations,
                              MembershipRepository memberships, SponsorshipRepository sponsorships,
                              IdentityService identityService, RuntimeService runtimeService, CurrentUser currentUser,
                              AuthorizationGrants grants) {
        this.validator = validator;
        this.organisations = organisations;
        this.memberships = memberships;
        this.sponsorships = sponsorships;
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.currentUser = currentUser;
        this.grants = grants;
    }

    /** Validates, registers and starts the onboarding process: one transaction, so a failure stores nothing. */
    @Transactional
    public Membership submit(ApplicationRequest request) {
        Membership membership = register(request);
        // the product starts the process with the membership it validated and stored: its own business key and variables
        ProcessInstance instance = ProductAction.call(() -> runtimeService.startProcessInstanceByKey(OnboardingProcess.KEY,
                String.valueOf(membership.getId()),
                Map.of(OnboardingProcess.MEMBERSHIP_ID.name(), membership.getId(),
                        OnboardingProcess.APPLICANT_GROUP.name(), applicantGroup(membership))));
        membership.attachProcess(instance.getId());
        return membership;
    }

    /** Validates and stores the application without starting a process. */
    @Transactional
    public Membership register(ApplicationRequest request) {
        ValidatedApplication application = validator.validate(request);
        Optional<Organisation> represented = representedOrganisation();
        Optional<Organisation> existing = application.existingOrganisation();
        checkMayApplyFor(existing, represented, application.declaration());
        existing.ifPresent(o -> refuseDuplicate(o, application));

        Organisation organisation = existing.orElseGet(() -> new Organisation(application.declaration().country(),
                application.declaration().enterpriseNumber(), application.declaration().foreignRegisterId()));
        organisation.declare(application.declaration());
        organisation = organisations.saveAndFlush(organisation);
        if (organisation.getRepresentativesGroup().isEmpty()) {
            createRepresentativesGroup(organisation);
        }

        Membership membership = memberships.saveAndFlush(new Membership(organisation, application.arrangement(),
                application.motivation(), currentUser.id()));
        membership.chooseNotificationMode(application.notificationMode());
        membership.audit(currentUser.id(), "APPLICATION_SUBMITTED", organisation.getLegalName() + " applied to "
                + application.arrangement().getName() + "; notifications: " + application.notificationMode());
        // sponsors are asked only where the arrangement requires them
        if (application.arrangement().getRequiredSponsors() > 0) {
            for (Organisation sponsor : application.sponsors()) {
                sponsorships.save(new Sponsorship(membership, sponsor));
            }
        }
        return membership;
    }

    public String applicantGroup(Membership membership) {
        return membership.getOrganisation().getRepresentativesGroup()
                .orElseThrow(() -> new IllegalStateException("Organisation without representatives group"));
    }

    /**
     * A representative applies only for its own organisation; a person who represents none yet may register a new
     * one (and becomes its representative); coordinators and administrators apply for anyone.
     */
    private void checkMayApplyFor(Optional<Organisation> target, Optional<Organisation> represented,
                                  OrganisationDeclaration declaration) {
        if (currentUser.actsForAnyOrganisation()) {
            return;
        }
        if (currentUser.isIn(Roles.AUDITORS) || currentUser.isIn(Roles.PRIVACY) || currentUser.isIn(Roles.LEGAL)) {
            // auditors change nothing; reviewers decide on applications and do not file them
            throw new ForbiddenException("Your role reads or reviews applications; it does not submit them");
        }
        if (represented.isPresent()) {
            if (target.isEmpty() || !target.get().getId().equals(represented.get().getId())) {
                throw new ForbiddenException("You represent " + represented.get().getLegalName()
                        + " and can apply only on its behalf; " + declaration.legalName() + " is another organisation");
            }
        } else if (target.isPresent()) {
            throw new ForbiddenException("You do not represent " + target.get().getLegalName()
                    + "; ask its representatives or a coordinator");
        }
    }

    private void refuseDuplicate(Organisation organisation, ValidatedApplication application) {
        if (memberships.existsByOrganisationIdAndArrangementIdAndStatusIn(organisation.getId(),
                application.arrangement().getId(), MembershipStatus.OPEN)) {
            throw new ConflictException(organisation.getLegalName() + " already has a pending or active membership of "
                    + application.arrangement().getName());
        }
    }

    private Optional<Organisation> representedOrganisation() {
        if (!currentUser.isAuthenticated()) {
            return Optional.empty();
        }
        return organisations.findRepresentedBy(currentUser.groups());
    }

    /** The applicant may not administer groups, so this housekeeping runs privileged. */
    private void createRepresentativesGroup(Organisation organisation) {
        boolean firstRepresentative = currentUser.isAuthenticated() && !currentUser.actsForAnyOrganisation();
        String applicant = currentUser.id();
        // a newcomer whose account request was accepted has a group prepared for the organisation it now registers
        String groupId = (firstRepresentative ? preparedGroup(applicant) : Optional.<String>empty())
                .orElseGet(() -> Roles.organisationGroup(organisation.getId()));
        Privileged.run(identityService, () -> {
            grants.ensureOrganisationGroup(groupId, organisation.getLegalName());
            // The person who registered a new organisation becomes its first representative.
            if (firstRepresentative && identityService.createUserQuery().userId(applicant).memberOfGroup(groupId).count() == 0) {
                identityService.createMembership(applicant, groupId);
            }
        });
        if (firstRepresentative && !currentUser.isIn(groupId)) {
            // act from now on with the new group's grants, so this request can start the onboarding
            List<String> groups = new java.util.ArrayList<>(currentUser.groups());
            groups.add(groupId);
            identityService.setAuthentication(applicant, groups);
        }
        organisation.assignRepresentativesGroup(groupId);
    }

    /** An organisation group the person is in that no organisation holds yet (opened when its account was accepted). */
    private Optional<String> preparedGroup(String userId) {
        return Privileged.call(identityService, () -> identityService.createGroupQuery().groupMember(userId)
                .groupType(Roles.ORGANISATION_GROUP_TYPE).list().stream().map(org.camunda.bpm.engine.identity.Group::getId)
                .filter(g -> organisations.findByRepresentativesGroup(g).isEmpty()).findFirst());
    }

    List<Sponsorship> sponsorshipsOf(Long membershipId) {
        return sponsorships.findByMembershipIdOrderById(membershipId);
    }
}
