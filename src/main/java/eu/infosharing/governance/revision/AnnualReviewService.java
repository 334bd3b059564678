package eu.infosharing.governance.revision;

import eu.infosharing.governance.api.FieldProblem;
import eu.infosharing.governance.api.InvalidInputException;
import eu.infosharing.governance.api.StrictText;
import eu.infosharing.governance.arrangement.ArrangementAccess;
import eu.infosharing.governance.cessation.CessationService;
import eu.infosharing.governance.identity.CurrentUser;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipActivated;
import eu.infosharing.governance.membership.MembershipService;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.notification.AuthorityNotification;
import eu.infosharing.governance.notification.AuthorityNotificationRepository;
import eu.infosharing.governance.notification.AuthorityNotifications;
import eu.infosharing.governance.notification.MembershipAuthorities;
import eu.infosharing.governance.notification.NotificationEvent;
import eu.infosharing.governance.notification.NotificationSettings;
import eu.infosharing.governance.onboarding.ApplicationRequest;
import eu.infosharing.governance.onboarding.ApplicationValidator;
import eu.infosharing.governance.onboarding.FormApplication;
import eu.infosharing.governance.onboarding.ValidatedApplication;
import eu.infosharing.governance.organisation.Organisation;
import eu.infosharing.governance.process.AnnualReviewProcess;
import eu.infosharing.governance.process.ApplicationFields;
import eu.infosharing.governance.process.ProductAction;
import eu.infosharing.governance.process.TaskDisplay;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The yearly review of a membership: on each anniversary its representatives confirm the eligibility data (NIS2
 * and DORA status, sector, identifiers) and the contact persons. A change that brings a new competent authority
 * produces that authority's entry notification. Without an answer the coordinators extend, suspend or let it lapse.
 */
@Service("annualReviewService")
@Transactional
public class AnnualReviewService {

    private final MembershipService memberships;
    private final ApplicationValidator validator;
    private final AuthorityNotifications notifications;
    private final AuthorityNotificationRepository notificationRepository;
    private final ArrangementAccess access;
    private final CessationService cessations;
    private final NotificationSettings dates;
    private final CurrentUser currentUser;
    private final RuntimeService runtimeService;
    private final MembershipAuthorities membershipAuthorities;

    public AnnualReviewService(MembershipService memberships, ApplicationValidator validator,
                               AuthorityNotifications notifications, AuthorityNotificationRepository notificationRepository,
                               ArrangementAccess access, CessationService cessations, NotificationSettings dates,
                               CurrentUser currentUser, RuntimeService runtimeService,
                               MembershipAuthorities membershipAuthorities) {
        this.membershipAuthorities = membershipAuthorities;
        this.memberships = memberships;
        this.validator = validator;
        this.notifications = notifications;
        this.notificationRepository = notificationRepository;
        this.access = access;
        this.cessations = cessations;
        this.dates = dates;
        this.currentUser = currentUser;
        this.runtimeService = runtimeService;
    }

    /** Started when a membership becomes active: it waits for the first anniversary. */
    /** A membership that became active is reviewed on the anniversary of its activation. */
    @EventListener
    void scheduleFirstReview(MembershipActivated activated) {
        schedule(activated.membership());
    }

    public void schedule(Membership m) {
        ProductAction.run(() -> runtimeService.startProcessInstanceByKey(AnnualReviewProcess.KEY, String.valueOf(m.getId()), Map.of(
                AnnualReviewProcess.MEMBERSHIP_ID.name(), m.getId(),
                AnnualReviewProcess.NEXT_REVIEW_AT.name(), anniversary(m.getActivatedAt(), 1),
                AnnualReviewProcess.REVIEW_YEAR.name(), 1)));
    }

    /** The next anniversary of the activation. */
    public Date anniversary(Instant activatedAt, int year) {
        return Date.from(ZonedDateTime.ofInstant(activatedAt, dates.getZone()).plusYears(year).toInstant());
    }

    /** What the review form shows and lets the member correct. */
    @Transactional(readOnly = true)
    public Map<String, Object> currentData(Long membershipId) {
        Organisation o = memberships.get(membershipId).getOrganisation();
        Map<String, Object> v = new HashMap<>();
        TaskDisplay.ORGANISATION_NAME.putIn(v, o.getLegalName());
        TaskDisplay.IDENTIFIERS.putIn(v, o.displayIdentifiers());
        ApplicationFields.NIS2_STATUS.putIn(v, o.getNis2Status().name());
        ApplicationFields.NIS2_SECTOR.putIn(v, o.getNis2Sector() == null ? "" : o.getNis2Sector().name());
        ApplicationFields.DORA_ENTITY_TYPE.putIn(v, o.getDoraEntityType() == null ? "NONE" : o.getDoraEntityType().name());
        ApplicationFields.DORA_LICENCE.putIn(v, o.getDoraLicence() == null ? "" : o.getDoraLicence().name());
        ApplicationFields.SUPERVISORY_ID.putIn(v, o.getSupervisoryId() == null ? "" : o.getSupervisoryId());
        ApplicationFields.LEI.putIn(v, o.getLei() == null ? "" : o.getLei());
        FormApplication.prefillContacts(v, o.getContacts());
        return v;
    }

    /**
     * Applies what the member confirmed, validated like an application; answers the references of the entry
     * notifications for authorities that the changed data now brings (none when nothing changed).
     */
    public List<String> confirm(Long membershipId, Regimes regimes, String lei, List<ApplicationRequest.ContactInput> contacts) {
        Membership m = memberships.get(membershipId);
        Organisation o = m.getOrganisation();
        String before = o.displayRegimes();
        ValidatedApplication checked = validator.validateAmendment(new ApplicationRequest.OrganisationInput(o.getLegalName(),
                o.getLegalForm(), o.getCountry(), o.getEnterpriseNumber(), o.getForeignRegisterId(), lei,
                o.getParticipantType().name(), regimes.nis2Status(), regimes.nis2Sector(), regimes.doraEntityType(),
                regimes.doraLicence(), regimes.supervisoryId(), o.getPreferredLanguage().name()), contacts, o);
        Set<String> notifiedBefore = notificationRepository.findByMembershipIdOrderByIdAsc(m.getId()).stream()
                .filter(n -> n.getEvent() == NotificationEvent.ENTRY).map(AuthorityNotification::getAuthorityCode)
                .collect(Collectors.toSet());
        // the review form does not ask for PGP fingerprints: a contact kept in its place keeps the one on file
        o.declare(checked.declaration().withContacts(o.keepingFingerprints(checked.declaration().contacts())));
        String after = o.displayRegimes();
        m.audit(currentUser.id(), "ANNUAL_REVIEW_CONFIRMED", before.equals(after) ? "Membership data confirmed: " + after
                : "Membership data confirmed with changes: " + before + " → " + after);
        if (m.getStatus() == MembershipStatus.SUSPENDED) {
            access.grant(o, m.getArrangement());
            m.transition(MembershipStatus.ACTIVE, currentUser.id(), "Reinstated: the yearly review was answered");
        }
        // a new competent authority is told of the participation, from today
        notifications.create(m.getId(), NotificationEvent.ENTRY, dates.today());
        return notificationRepository.findByMembershipIdOrderByIdAsc(m.getId()).stream()
                .filter(n -> n.getEvent() == NotificationEvent.ENTRY && !notifiedBefore.contains(n.getAuthorityCode()))
                .map(AuthorityNotification::getReference).toList();
    }

    /** What the member confirms of its regimes at a yearly review: they decide which authorities it notifies. */
    public record Regimes(String nis2Status, String nis2Sector, String doraEntityType, String doraLicence,
                          String supervisoryId) {
    }

    /** What a coordinator decides of an authority told of the participation that the review no longer names. */
    public enum ConcernDecision { TELL_AUTHORITY, KEEP_INFORMED }

    /**
     * TELL_AUTHORITY: a letter tells the authority that the participation no longer concerns it, from today; answers
     * its reference. KEEP_INFORMED: the authority stays among the membership's authorities by a coordinator's override
     * (it will be told of the cessation); answers null. The reason is kept either way.
     */
    public String decideConcern(Long membershipId, String authorityCode, String decision, String reason) {
        List<FieldProblem> problems = new ArrayList<>();
        ConcernDecision chosen = null;
        try {
            chosen = decision == null ? null : ConcernDecision.valueOf(decision.strip());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (chosen == null) {
            problems.add(new FieldProblem(AnnualReviewProcess.CONCERN_DECISION.name(), "Decision",
                    "must be TELL_AUTHORITY or KEEP_INFORMED"));
        }
        String why = StrictText.freeText(AnnualReviewProcess.CONCERN_REASON.name(), "Reason", reason, 2000,
                "is required: it is kept as evidence", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Membership m = memberships.get(membershipId);
        if (chosen == ConcernDecision.KEEP_INFORMED) {
            membershipAuthorities.override(membershipId, new MembershipAuthorities.OverrideRequest(authorityCode, "ADD",
                    "Kept informed after the yearly review no longer named it: " + why));
            return null;
        }
        String reference = notifications.createConcernEnded(membershipId, authorityCode, dates.today());
        m.audit(currentUser.id(), "AUTHORITY_CONCERN_ENDED", authorityCode + " is told that the participation no longer "
                + "concerns it (" + reference + "): " + why);
        return reference;
    }

    /** The coordinators' decision on an unanswered review: EXTEND, SUSPEND or LAPSE, with its reason. */
    public String decide(Long membershipId, String decision, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InvalidInputException(AnnualReviewProcess.REVIEW_DECISION_REASON.name(), "Reason", "is required: it is kept in the membership's history");
        }
        if (decision == null || !List.of("EXTEND", "SUSPEND", "LAPSE").contains(decision)) {
            throw new InvalidInputException(AnnualReviewProcess.REVIEW_DECISION.name(), "Decision", "must be EXTEND, SUSPEND or LAPSE");
        }
        Membership m = memberships.get(membershipId);
        m.audit(currentUser.id(), "ANNUAL_REVIEW_DECISION", "Unanswered yearly review: " + decision + ": " + why);
        if ("SUSPEND".equals(decision) && m.getStatus() == MembershipStatus.ACTIVE) {
            access.revoke(m.getOrganisation(), m.getArrangement(), Set.of());
            m.transition(MembershipStatus.SUSPENDED, currentUser.id(), "Suspended: yearly review unanswered: " + why);
        }
        return decision;
    }

    public void lapse(Long membershipId) {
        cessations.request(membershipId, new CessationService.Request("LAPSE", "The yearly review was not answered", null, null));
    }
}
