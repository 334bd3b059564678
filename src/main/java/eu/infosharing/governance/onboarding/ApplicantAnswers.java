package eu.infosharing.governance.onboarding;

import static eu.infosharing.governance.onboarding.DecisionInput.requireReason;
import static eu.infosharing.governance.onboarding.DecisionInput.trimmed;

import eu.infosharing.governance.api.InvalidInputException;
import eu.infosharing.governance.arrangement.RulesOfConductVersion;
import eu.infosharing.governance.arrangement.RulesOfConductVersionRepository;
import eu.infosharing.governance.identity.CurrentUser;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipService;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.organisation.Organisation;
import eu.infosharing.governance.process.OnboardingProcess;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the applicant answers in membership-onboarding: the coordinators' questions, and the rules of conduct. */
@Service
@Transactional
public class ApplicantAnswers {

    private final MembershipService memberships;
    private final ApplicationValidator validator;
    private final InformationRequestRepository informationRequests;
    private final RulesAcceptanceRepository acceptances;
    private final RulesOfConductVersionRepository rulesVersions;
    private final CurrentUser currentUser;

    public ApplicantAnswers(MembershipService memberships, ApplicationValidator validator,
                            InformationRequestRepository informationRequests, RulesAcceptanceRepository acceptances,
                            RulesOfConductVersionRepository rulesVersions, CurrentUser currentUser) {
        this.memberships = memberships;
        this.validator = validator;
        this.informationRequests = informationRequests;
        this.acceptances = acceptances;
        this.rulesVersions = rulesVersions;
        this.currentUser = currentUser;
    }

    public record Amendment(String legalName, String legalForm, String lei,
                            List<ApplicationRequest.ContactInput> contacts, String response) {
    }

    /** The applicant's answer to the open question, with its corrections; validated like an application. */
    public void amend(Long membershipId, Amendment amendment) {
        Membership m = memberships.get(membershipId);
        String answer = trimmed(amendment.response(), OnboardingProcess.AMENDMENT_RESPONSE.name(), "Your answer");
        requireReason(answer, OnboardingProcess.AMENDMENT_RESPONSE.name(), "Your answer", "is required");
        Organisation o = m.getOrganisation();
        ApplicationRequest.OrganisationInput current = new ApplicationRequest.OrganisationInput(amendment.legalName(),
                amendment.legalForm(), o.getCountry(), o.getEnterpriseNumber(), o.getForeignRegisterId(), amendment.lei(),
                o.getParticipantType().name(), o.getNis2Status().name(),
                o.getNis2Sector() == null ? null : o.getNis2Sector().name(),
                o.getDoraEntityType() == null ? null : o.getDoraEntityType().name(),
                o.getDoraLicence() == null ? null : o.getDoraLicence().name(), o.getSupervisoryId(),
                o.getPreferredLanguage().name());
        ValidatedApplication checked = validator.validateAmendment(current, amendment.contacts(), o);
        o.amend(checked.declaration().legalName(), checked.declaration().legalForm(), checked.declaration().lei());
        o.replaceContacts(o.keepingFingerprints(checked.declaration().contacts()));
        informationRequests.findByMembershipIdOrderByAskedAtAscIdAsc(membershipId).stream()
                .filter(InformationRequest::isOpen)
                .forEach(r -> r.answer(answer, currentUser.id()));
        m.transition(MembershipStatus.UNDER_REVIEW, currentUser.id(), "Applicant answered: " + answer);
    }

    /** Records acceptance of exactly the version that was shown to the person. */
    public void acceptRules(Long membershipId, Long rulesVersionId, boolean accepted) {
        if (!accepted) {
            throw new InvalidInputException(OnboardingProcess.RULES_ACCEPTED.name(), "Acceptance",
                    "is required: tick the box to accept the rules of conduct");
        }
        Membership m = memberships.get(membershipId);
        RulesOfConductVersion version = rulesVersions.findById(rulesVersionId)
                .orElseThrow(() -> new IllegalStateException("Unknown rules version " + rulesVersionId));
        if (!version.getArrangement().getId().equals(m.getArrangement().getId())) {
            throw new IllegalStateException("Rules version " + rulesVersionId + " is not of " + m.getArrangement().getCode());
        }
        acceptances.save(new RulesAcceptance(m, version, currentUser.id()));
        m.audit(currentUser.id(), "RULES_ACCEPTED", "Rules of conduct version " + version.getVersionLabel() + " accepted");
        m.transition(MembershipStatus.COMPLIANCE_REVIEW, currentUser.id(),
                "Rules of conduct version " + version.getVersionLabel() + " accepted");
    }
}
