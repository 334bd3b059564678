package eu.infosharing.governance.onboarding;

import eu.infosharing.governance.api.FieldProblem;
import eu.infosharing.governance.api.InvalidInputException;
import eu.infosharing.governance.arrangement.Arrangement;
import eu.infosharing.governance.arrangement.ArrangementAccess;
import eu.infosharing.governance.arrangement.RulesOfConductVersion;
import eu.infosharing.governance.arrangement.RulesOfConductVersionRepository;
import eu.infosharing.governance.identity.CurrentUser;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipActivated;
import eu.infosharing.governance.membership.MembershipRepository;
import eu.infosharing.governance.membership.MembershipService;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.notification.AuthorityNotifications;
import eu.infosharing.governance.notification.NotificationEvent;
import eu.infosharing.governance.notification.NotificationSettings;
import eu.infosharing.governance.onboarding.ReviewDecision.Decision;
import eu.infosharing.governance.onboarding.ReviewDecision.Stage;
import eu.infosharing.governance.organisation.ContactDetails;
import eu.infosharing.governance.organisation.EnterpriseNumber;
import eu.infosharing.governance.organisation.Lei;
import eu.infosharing.governance.organisation.Organisation;
import eu.infosharing.governance.organisation.ParticipantType;
import eu.infosharing.governance.process.ApplicationFields;
import eu.infosharing.governance.process.OnboardingProcess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The business steps of membership-onboarding; the model's delegates and listeners call these. */
@Service
@Transactional
public class OnboardingService {

    private final MembershipService membershipService;
    private final MembershipRepository memberships;
    private final SponsorshipRepository sponsorships;
    private final ReviewDecisionRepository reviews;
    private final InformationRequestRepository informationRequests;
    private final RulesAcceptanceRepository acceptances;
    private final RulesOfConductVersionRepository rulesVersions;
    private final ApplicationValidator validator;
    private final CurrentUser currentUser;
    private final ArrangementAccess access;
    private final AuthorityNotifications notifications;
    private final NotificationSettings notificationSettings;
    private final ApplicationEventPublisher events;

    public OnboardingService(MembershipService membershipService, MembershipRepository memberships,
                             SponsorshipRepository sponsorships, ReviewDecisionRepository reviews,
                             InformationRequestRepository informationRequests, RulesAcceptanceRepository acceptances,
                             RulesOfConductVersionRepository rulesVersions, ApplicationValidator validator,
                             CurrentUser currentUser, ArrangementAccess access, AuthorityNotifications notifications,
                             NotificationSettings notificationSettings, ApplicationEventPublisher events) {
        this.membershipService = membershipService;
        this.memberships = memberships;
        this.sponsorships = sponsorships;
        this.reviews = reviews;
        this.informationRequests = informationRequests;
        this.acceptances = acceptances;
        this.rulesVersions = rulesVersions;
        this.validator = validator;
        this.currentUser = currentUser;
        this.access = access;
        this.notifications = notifications;
        this.notificationSettings = notificationSettings;
        this.events = events;
    }

    /** What the automated checks found, and the facts the eligibility and competition decisions need. */
    public record CheckOutcome(boolean passed, String reason, int requiredSponsors, Map<String, Object> decisionInputs) {
    }

    /** Identifiers and duplicates, checked again on the stored data (the model may be started by other means than ours). */
    public CheckOutcome runAutomatedChecks(Long membershipId) {
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

    // --- sponsors -------------------------------------------------------------------------------------------

    public void recordEndorsement(Long sponsorshipId, String decision, String reason) {
        Sponsorship s = sponsorship(sponsorshipId);
        String why = trimmed(reason, OnboardingProcess.ENDORSEMENT_REASON.name(), "Reason");
        Sponsorship.Status outcome = switch (required(decision, OnboardingProcess.ENDORSEMENT_DECISION.name(), "Your answer")) {
            case "ENDORSE" -> Sponsorship.Status.ENDORSED;
            case "DECLINE" -> {
                requireReason(why, OnboardingProcess.ENDORSEMENT_REASON.name(), "Reason", "is required when you do not vouch for the applicant");
                yield Sponsorship.Status.DECLINED;
            }
            default -> throw unknown(OnboardingProcess.ENDORSEMENT_DECISION.name(), "Your answer", decision);
        };
        s.decide(outcome, currentUser.id(), why);
        s.getMembership().audit(currentUser.id(), "SPONSOR_" + outcome, s.getSponsor().getLegalName() + " "
                + outcome.name().toLowerCase(Locale.ROOT) + " the application" + (why == null || why.isEmpty() ? "" : ": " + why));
    }

    public void recordSponsorFollowUp(Long sponsorshipId, String decision, String reason) {
        Sponsorship s = sponsorship(sponsorshipId);
        String why = trimmed(reason, OnboardingProcess.SPONSOR_FOLLOW_UP_REASON.name(), "Reason");
        switch (required(decision, OnboardingProcess.SPONSOR_FOLLOW_UP_DECISION.name(), "Decision")) {
            case "REMIND" -> {
                // the sponsor gets its task again with a new deadline; nothing is decided yet
            }
            case "WAIVE" -> {
                requireReason(why, OnboardingProcess.SPONSOR_FOLLOW_UP_REASON.name(), "Reason", "is required to waive an endorsement");
                s.decide(Sponsorship.Status.WAIVED, currentUser.id(), why);
            }
            case "DECLINE" -> {
                requireReason(why, OnboardingProcess.SPONSOR_FOLLOW_UP_REASON.name(), "Reason", "is required to count the sponsor as declined");
                s.decide(Sponsorship.Status.DECLINED, currentUser.id(), why);
            }
            default -> throw unknown(OnboardingProcess.SPONSOR_FOLLOW_UP_DECISION.name(), "Decision", decision);
        }
        s.getMembership().audit(currentUser.id(), "SPONSOR_FOLLOW_UP", decision + " for " + s.getSponsor().getLegalName()
                + (why == null || why.isEmpty() ? "" : ": " + why));
    }

    /** Enough sponsors vouched (an endorsement waived by a coordinator counts) or the reason why not. */
    public CheckOutcome evaluateEndorsements(Long membershipId) {
        Membership m = membershipService.get(membershipId);
        List<Sponsorship> all = sponsorships.findByMembershipIdOrderById(membershipId);
        long vouched = all.stream().filter(s -> s.getStatus() == Sponsorship.Status.ENDORSED
                || s.getStatus() == Sponsorship.Status.WAIVED).count();
        int required = m.getArrangement().getRequiredSponsors();
        if (vouched >= required) {
            return new CheckOutcome(true, null, required, Map.of());
        }
        String declined = all.stream().filter(s -> s.getStatus() == Sponsorship.Status.DECLINED)
                .map(s -> s.getSponsor().getLegalName() + (s.getReason() == null ? "" : " (" + s.getReason() + ")"))
                .collect(Collectors.joining(", "));
        return new CheckOutcome(false, m.getArrangement().getName() + " requires " + required
                + " endorsement(s); " + vouched + " received" + (declined.isEmpty() ? "" : "; declined by " + declined),
                required, Map.of());
    }

    // --- reviews --------------------------------------------------------------------------------------------

    /**
     * Records a reviewer's decision. A rejection takes effect at once, with the reviewer as actor; a request for
     * more information opens a question for the applicant.
     */
    public Decision recordReview(Long membershipId, Stage stage, String decisionValue, String reasonValue, String details) {
        Membership m = membershipService.get(membershipId);
        String decisionField = switch (stage) {
            case VETTING -> OnboardingProcess.VETTING_DECISION.name();
            case GDPR -> OnboardingProcess.GDPR_DECISION.name();
            case COMPETITION_LAW -> OnboardingProcess.LEGAL_DECISION.name();
        };
        String reasonField = switch (stage) {
            case VETTING -> OnboardingProcess.VETTING_REASON.name();
            case GDPR -> OnboardingProcess.GDPR_REASON.name();
            case COMPETITION_LAW -> OnboardingProcess.LEGAL_REASON.name();
        };
        String reason = trimmed(reasonValue, reasonField, "Reason");
        Decision decision = switch (required(decisionValue, decisionField, "Decision")) {
            case "APPROVE" -> Decision.APPROVE;
            case "REJECT" -> Decision.REJECT;
            case "REQUEST_INFORMATION" -> {
                if (stage != Stage.VETTING) {
                    throw unknown(decisionField, "Decision", decisionValue);
                }
                yield Decision.REQUEST_INFORMATION;
            }
            default -> throw unknown(decisionField, "Decision", decisionValue);
        };
        if (decision == Decision.REJECT) {
            requireReason(reason, reasonField, "Reason", "is required to reject: the applicant is told why");
        }
        if (decision == Decision.REQUEST_INFORMATION) {
            requireReason(reason, reasonField, "Question for the applicant", "is required to ask for more information");
        }
        reviews.save(new ReviewDecision(m, stage, decision, reason, details, currentUser.id()));
        m.audit(currentUser.id(), "REVIEW_" + stage, stageName(stage) + ": " + decision
                + (reason == null || reason.isEmpty() ? "" : ": " + reason) + (details == null ? "" : " (" + details + ")"));
        switch (decision) {
            case REJECT -> m.transition(MembershipStatus.REJECTED, currentUser.id(), label(stage) + ": " + reason);
            case REQUEST_INFORMATION -> {
                informationRequests.save(new InformationRequest(m, reason, currentUser.id()));
                m.transition(MembershipStatus.INFORMATION_REQUESTED, currentUser.id(), "More information asked: " + reason);
            }
            case APPROVE -> {
                if (stage == Stage.VETTING) {
                    m.transition(MembershipStatus.AWAITING_RULES_ACCEPTANCE, currentUser.id(),
                            "Approved in vetting" + (reason == null ? "" : ": " + reason));
                }
            }
            default -> {
            }
        }
        return decision;
    }

    /**
     * The GDPR check cannot approve unless the checklist holds, and never on legitimate interest for a public body:
     * GDPR Art. 6(1), last subparagraph, excludes point (f) for processing by public authorities in the performance of
     * their tasks; they rely on a public task (point (e)) or a legal obligation (point (c)).
     */
    public Decision recordGdprCheck(Long membershipId, String decision, String reason, String lawfulBasis,
                                    boolean contactDataMinimal, boolean privacyNoticeProvided) {
        if ("APPROVE".equals(decision)) {
            List<FieldProblem> problems = new ArrayList<>();
            if (lawfulBasis == null || lawfulBasis.isBlank()) {
                problems.add(new FieldProblem(OnboardingProcess.LAWFUL_BASIS.name(), "Lawful basis", "is required to approve"));
            } else if ("LEGITIMATE_INTEREST".equals(lawfulBasis)
                    && membershipService.get(membershipId).getOrganisation().getParticipantType() == ParticipantType.PUBLIC_BODY) {
                problems.add(new FieldProblem(OnboardingProcess.LAWFUL_BASIS.name(), "Lawful basis", "cannot be legitimate "
                        + "interest for a public body performing its tasks (GDPR Art. 6(1), last subparagraph): choose public "
                        + "task (Art. 6(1)(e)) or legal obligation (Art. 6(1)(c))"));
            }
            if (!contactDataMinimal) {
                problems.add(new FieldProblem(OnboardingProcess.CONTACT_DATA_MINIMAL.name(), "Minimal contact data", "must be confirmed to approve"));
            }
            if (!privacyNoticeProvided) {
                problems.add(new FieldProblem(OnboardingProcess.PRIVACY_NOTICE_PROVIDED.name(), "Privacy notice", "must be confirmed to approve"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
        }
        String details = "Lawful basis: " + (lawfulBasis == null ? "-" : lawfulBasis)
                + "; contact data minimal: " + (contactDataMinimal ? "yes" : "no")
                + "; privacy notice provided: " + (privacyNoticeProvided ? "yes" : "no");
        return recordReview(membershipId, Stage.GDPR, decision, reason, details);
    }

    public void recordCompetitionPass(Long membershipId, String rationale) {
        Membership m = membershipService.get(membershipId);
        reviews.save(new ReviewDecision(m, Stage.COMPETITION_LAW, Decision.AUTOMATIC_PASS, rationale,
                "Decided by the competition-law-screen decision table", CurrentUser.SYSTEM));
        m.audit(CurrentUser.SYSTEM, "REVIEW_" + Stage.COMPETITION_LAW, "Automatic pass by the competition-law-screen decision table: " + rationale);
    }

    // --- applicant ------------------------------------------------------------------------------------------

    /** The applicant's answer to the open question, with its corrections; validated like an application. */
    public void amend(Long membershipId, Amendment amendment) {
        Membership m = membershipService.get(membershipId);
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

    public record Amendment(String legalName, String legalForm, String lei,
                            List<ApplicationRequest.ContactInput> contacts, String response) {
    }

    /** Records acceptance of exactly the version that was shown to the person. */
    public void acceptRules(Long membershipId, Long rulesVersionId, boolean accepted) {
        if (!accepted) {
            throw new InvalidInputException(OnboardingProcess.RULES_ACCEPTED.name(), "Acceptance",
                    "is required: tick the box to accept the rules of conduct");
        }
        Membership m = membershipService.get(membershipId);
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

    // --- outcomes -------------------------------------------------------------------------------------------

    public void validate(Long membershipId) {
        membershipService.transition(membershipId, MembershipStatus.VALIDATED,
                "All checks passed: membership validated");
    }

    /**
     * After validation: the membership becomes ACTIVE, the organisation's representatives get access to the
     * arrangement, and one entry notification per competent authority is created. Answers their references.
     */
    public List<String> activate(Long membershipId) {
        Membership m = membershipService.get(membershipId);
        if (m.getStatus() != MembershipStatus.ACTIVE) {
            List<String> joined = access.grant(m.getOrganisation(), m.getArrangement());
            m.transition(MembershipStatus.ACTIVE, currentUser.id(), "Access to " + m.getArrangement().getName()
                    + " granted" + (joined.isEmpty() ? "" : " to " + String.join(", ", joined)));
            events.publishEvent(new MembershipActivated(m));
        }
        return notifications.create(membershipId, NotificationEvent.ENTRY, notificationSettings.dateOf(m.getActivatedAt()));
    }

    /** Idempotent: a rejection a reviewer already recorded is kept as it is. */
    public void reject(Long membershipId, String reason) {
        Membership m = membershipService.get(membershipId);
        if (m.getStatus() != MembershipStatus.REJECTED) {
            m.transition(MembershipStatus.REJECTED, currentUser.id(), reason == null ? "Rejected" : reason);
        }
    }

    public void expire(Long membershipId, String reason) {
        membershipService.transition(membershipId, MembershipStatus.EXPIRED, reason);
    }

    /** Why the application was closed (rejected or expired), as recorded on the membership. */
    @Transactional(readOnly = true)
    public String closedReason(Long membershipId) {
        return membershipService.get(membershipId).getClosedReason();
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private Sponsorship sponsorship(Long id) {
        return sponsorships.findById(id).orElseThrow(() -> new IllegalStateException("No sponsorship " + id));
    }

    private static String stageName(Stage stage) {
        return switch (stage) {
            case VETTING -> "Vetting";
            case GDPR -> "GDPR check";
            case COMPETITION_LAW -> "Competition-law review";
        };
    }

    private static String label(Stage stage) {
        return switch (stage) {
            case VETTING -> "Rejected in vetting";
            case GDPR -> "Rejected in the GDPR check";
            case COMPETITION_LAW -> "Rejected in the competition-law review";
        };
    }

    private static String required(String value, String field, String label) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, label, "is required");
        }
        return value.strip();
    }

    private static String trimmed(String value, String field, String label) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String t = value.strip();
        if (t.length() > ApplicationValidator.MAX_TEXT) {
            throw new InvalidInputException(field, label, "is too long: at most " + ApplicationValidator.MAX_TEXT + " characters");
        }
        return t;
    }

    private static void requireReason(String reason, String field, String label, String message) {
        if (reason == null) {
            throw new InvalidInputException(field, label, message);
        }
    }

    private static InvalidInputException unknown(String field, String label, String value) {
        return new InvalidInputException(field, label, "has an unknown value '" + value + "'");
    }

    static String contactsDisplay(List<ContactDetails> contacts) {
        return contacts.stream().map(ContactDetails::display).collect(Collectors.joining("\n"));
    }
}
