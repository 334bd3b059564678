package eu.infosharing.governance.support;

import eu.infosharing.governance.arrangement.ArrangementAccess;
import eu.infosharing.governance.arrangement.ArrangementRepository;
import eu.infosharing.governance.engine.AuthorizationGrants;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipRepository;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.membership.NotificationMode;
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
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Existing members (potential sponsors) for tests. */
@Component
public class Members {

    private final OrganisationRepository organisations;
    private final ArrangementRepository arrangements;
    private final MembershipRepository memberships;
    private final AuthorizationGrants grants;
    private final TestUsers users;
    private final ArrangementAccess access;

    public Members(OrganisationRepository organisations, ArrangementRepository arrangements, MembershipRepository memberships,
                   AuthorizationGrants grants, TestUsers users, ArrangementAccess access) {
        this.organisations = organisations;
        this.arrangements = arrangements;
        this.memberships = memberships;
        this.grants = grants;
        this.users = users;
        this.access = access;
    }

    /** A representative of the member (a user in its group) with access to the arrangement, as after activation. */
    public String representative(Membership m, String user, String password) {
        users.user(user, password, m.getOrganisation().getRepresentativesGroup().orElseThrow());
        access.grant(m.getOrganisation(), m.getArrangement());
        return user;
    }

    /** An organisation with a validated membership of the arrangement, and its representatives' group with its grants. */
    @Transactional
    public Organisation member(String arrangementCode, String legalName) {
        return activeMember(arrangementCode, legalName, Nis2Status.ESSENTIAL, Nis2Sector.ENERGY, null, Language.fr,
                NotificationMode.SEND_ON_BEHALF).getOrganisation();
    }

    /** An active member under the given regimes, writing in the given language, with its notification choice. */
    @Transactional
    public Membership activeMember(String arrangementCode, String legalName, Nis2Status nis2, Nis2Sector sector,
                                   DoraEntityType dora, Language language, NotificationMode mode) {
        String number = Identifiers.enterpriseNumber();
        Organisation o = new Organisation("BE", number, null);
        String slug = legalName.toLowerCase().replaceAll("[^a-z0-9]", "");
        o.declare(new OrganisationDeclaration(legalName, "NV", "BE", number, null, dora == null ? null : Identifiers.lei(),
                ParticipantType.PRIVATE_COMPANY, nis2, sector, dora,
                dora == null ? null : Optional.ofNullable(Applications.licenceFor(dora.name())).map(DoraLicence::valueOf).orElse(null),
                null, language,
                List.of(new ContactDetails("Member of " + legalName, "soc@" + slug + ".example", "+32 3 555 00 00", null))));
        o = organisations.saveAndFlush(o);
        String groupId = Roles.organisationGroup(o.getId());
        o.assignRepresentativesGroup(groupId);
        grants.ensureOrganisationGroup(groupId, legalName);
        Membership m = memberships.saveAndFlush(new Membership(o, arrangements.findByCode(arrangementCode).orElseThrow(), null, "test"));
        m.transition(MembershipStatus.VALIDATED, "test", "Existing member");
        m.transition(MembershipStatus.ACTIVE, "test", "Existing member with access");
        m.chooseNotificationMode(mode);
        return m;
    }

    /** A second active membership of an organisation that is already a member elsewhere. */
    @Transactional
    public Membership activeMembership(Organisation organisation, String arrangementCode) {
        Membership m = memberships.saveAndFlush(new Membership(organisations.findById(organisation.getId()).orElseThrow(),
                arrangements.findByCode(arrangementCode).orElseThrow(), null, "test"));
        m.transition(MembershipStatus.VALIDATED, "test", "Existing member");
        m.transition(MembershipStatus.ACTIVE, "test", "Existing member with access");
        return m;
    }
}
