package eu.infosharing.governance.support;

import eu.infosharing.governance.arrangement.ArrangementRepository;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipRepository;
import eu.infosharing.governance.membership.MembershipStatus;
import eu.infosharing.governance.organisation.ContactDetails;
import eu.infosharing.governance.organisation.Language;
import eu.infosharing.governance.organisation.Nis2Sector;
import eu.infosharing.governance.organisation.Nis2Status;
import eu.infosharing.governance.organisation.Organisation;
import eu.infosharing.governance.organisation.OrganisationDeclaration;
import eu.infosharing.governance.organisation.OrganisationRepository;
import eu.infosharing.governance.organisation.ParticipantType;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Existing members (potential sponsors) for tests. */
@Component
public class Members {

    private final OrganisationRepository organisations;
    private final ArrangementRepository arrangements;
    private final MembershipRepository memberships;

    public Members(OrganisationRepository organisations, ArrangementRepository arrangements, MembershipRepository memberships) {
        this.organisations = organisations;
        this.arrangements = arrangements;
        this.memberships = memberships;
    }

    /** An organisation with a validated membership of the arrangement; returns its enterprise number. */
    @Transactional
    public Organisation member(String arrangementCode, String legalName) {
        String number = Identifiers.enterpriseNumber();
        Organisation o = new Organisation("BE", number, null);
        o.declare(new OrganisationDeclaration(legalName, "NV", "BE", number, null, null, ParticipantType.PRIVATE_COMPANY,
                Nis2Status.ESSENTIAL, Nis2Sector.ENERGY, null, Language.fr,
                List.of(new ContactDetails("Member of " + legalName, "soc@member.example", "+32 3 555 00 00", null))));
        o = organisations.saveAndFlush(o);
        o.assignRepresentativesGroup(Roles.organisationGroup(o.getId()));
        Membership m = new Membership(o, arrangements.findByCode(arrangementCode).orElseThrow(), null, "test");
        m.transition(MembershipStatus.VALIDATED, "test", "Existing member");
        memberships.save(m);
        return o;
    }
}
