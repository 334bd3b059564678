package eu.infosharing.governance.demo;

import eu.infosharing.governance.arrangement.ArrangementAccess;
import eu.infosharing.governance.arrangement.ArrangementRepository;
import eu.infosharing.governance.engine.AuthorizationGrants;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipRepository;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.organisation.ContactDetails;
import eu.infosharing.governance.organisation.DoraEntityType;
import eu.infosharing.governance.organisation.DoraLicence;
import eu.infosharing.governance.organisation.Language;
import eu.infosharing.governance.organisation.Nis2Sector;
import eu.infosharing.governance.organisation.Nis2Status;
import eu.infosharing.governance.organisation.Organisation;
import eu.infosharing.governance.organisation.OrganisationDeclaration;
import eu.infosharing.governance.organisation.OrganisationRepository;
import eu.infosharing.governance.organisation.ParticipantType;
import eu.infosharing.governance.revision.AnnualReviewService;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo users and organisations, for the demo profile only (the default run). Every password equals the user
 * name; outside the demo profile this class does not exist in the context and no such user is created.
 */
@Component
@ConditionalOnProperty(name = "governance.demo.enabled", havingValue = "true")
public class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** Acme Bank NV: alice applies for it in the walkthrough. */
    public static final String ACME_ENTERPRISE_NUMBER = "0599799597";
    /** Northsea Energy NV: a member of CIDR that can sponsor; bob represents it. */
    public static final String NORTHSEA_ENTERPRISE_NUMBER = "0403170701";

    record DemoUser(String id, String first, String last, String group) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("coordinator", "Chris", "Coordinator", Roles.COORDINATORS),
            new DemoUser("dpo", "Dana", "Privacy", Roles.PRIVACY),
            new DemoUser("legal", "Leo", "Legal", Roles.LEGAL),
            new DemoUser("auditor", "Ann", "Auditor", Roles.AUDITORS),
            new DemoUser("admin", "Ada", "Admin", Roles.ADMINS),
            new DemoUser("alice", "Alice", "Peeters", null),
            new DemoUser("bob", "Bob", "Dubois", null));

    private final IdentityService identityService;
    private final OrganisationRepository organisations;
    private final ArrangementRepository arrangements;
    private final MembershipRepository memberships;
    private final AuthorizationGrants grants;
    private final ArrangementAccess access;
    private final AnnualReviewService annualReviews;

    public DemoData(IdentityService identityService, OrganisationRepository organisations,
                    ArrangementRepository arrangements, MembershipRepository memberships, AuthorizationGrants grants, ArrangementAccess access,
                    AnnualReviewService annualReviews) {
        this.identityService = identityService;
        this.organisations = organisations;
        this.arrangements = arrangements;
        this.memberships = memberships;
        this.grants = grants;
        this.access = access;
        this.annualReviews = annualReviews;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    @Transactional
    public void create() {
        for (String group : List.of(Roles.COORDINATORS, Roles.PRIVACY, Roles.LEGAL, Roles.AUDITORS, Roles.ADMINS)) {
            group(group, group.substring(0, 1).toUpperCase() + group.substring(1), "WORKFLOW");
        }
        for (DemoUser u : USERS) {
            if (identityService.createUserQuery().userId(u.id()).count() == 0) {
                User user = identityService.newUser(u.id());
                user.setFirstName(u.first());
                user.setLastName(u.last());
                user.setEmail(u.id() + "@demo.example");
                user.setPassword(u.id());
                identityService.saveUser(user);
                if (u.group() != null) {
                    identityService.createMembership(u.id(), u.group());
                }
            }
        }
        Organisation acme = organisation(ACME_ENTERPRISE_NUMBER, new OrganisationDeclaration("Acme Bank", "NV", "BE",
                ACME_ENTERPRISE_NUMBER, null, "54930084UKLVMY22DS16", ParticipantType.PRIVATE_COMPANY, Nis2Status.ESSENTIAL,
                Nis2Sector.BANKING, DoraEntityType.A, DoraLicence.LESS_SIGNIFICANT_CREDIT_INSTITUTION, null, Language.nl,
                List.of(new ContactDetails("Alice Peeters", "alice@acme-bank.example", "+32 2 555 01 01", null))), "alice");
        Organisation northsea = organisation(NORTHSEA_ENTERPRISE_NUMBER, new OrganisationDeclaration("Northsea Energy", "NV", "BE",
                NORTHSEA_ENTERPRISE_NUMBER, null, null, ParticipantType.PRIVATE_COMPANY, Nis2Status.ESSENTIAL,
                Nis2Sector.ENERGY, null, null, null, Language.fr,
                List.of(new ContactDetails("Bob Dubois", "bob@northsea-energy.example", "+32 59 55 02 02", null))), "bob");
        // Northsea Energy is already a member of CIDR, so it can vouch for Acme Bank.
        arrangements.findByCode("CIDR").ifPresent(cidr -> {
            if (!memberships.existsByOrganisationIdAndArrangementIdAndStatusIn(northsea.getId(), cidr.getId(),
                    MembershipStatus.IN_FORCE)) {
                Membership m = memberships.saveAndFlush(new Membership(northsea, cidr, "Demo data: founding member of CIDR", "demo"));
                m.transition(MembershipStatus.VALIDATED, "demo", "Demo data: founding member");
                m.transition(MembershipStatus.ACTIVE, "demo", "Demo data: founding member with access");
                access.grant(northsea, cidr);
                annualReviews.schedule(m);
            }
        });
        log.info("Demo data ready: {} (represented by alice) and {} (bob, member of CIDR)",
                acme.getLegalName(), northsea.getLegalName());
    }

    private Organisation organisation(String enterpriseNumber, OrganisationDeclaration declaration, String representative) {
        return organisations.findByEnterpriseNumber(enterpriseNumber).orElseGet(() -> {
            Organisation o = new Organisation("BE", enterpriseNumber, null);
            o.declare(declaration);
            o = organisations.saveAndFlush(o);
            String groupId = Roles.organisationGroup(o.getId());
            grants.ensureOrganisationGroup(groupId, declaration.legalName() + " " + declaration.legalForm());
            o.assignRepresentativesGroup(groupId);
            identityService.createMembership(representative, groupId);
            return o;
        });
    }

    private void group(String id, String name, String type) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group g = identityService.newGroup(id);
            g.setName(name);
            g.setType(type);
            identityService.saveGroup(g);
        }
    }
}
