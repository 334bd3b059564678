package eu.infosharing.governance.cessation;

import eu.infosharing.governance.membership.MembershipService;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading a membership's cessations, for whoever may see the membership, with the moves of their effective dates. */
@Service
@Transactional(readOnly = true)
public class CessationQueries {

    private final MembershipService memberships;
    private final CessationRepository cessations;
    private final CessationDateChangeRepository dateChanges;

    public CessationQueries(MembershipService memberships, CessationRepository cessations,
                            CessationDateChangeRepository dateChanges) {
        this.memberships = memberships;
        this.cessations = cessations;
        this.dateChanges = dateChanges;
    }

    public List<Cessation> ofMembership(Long membershipId) {
        return cessations.findByMembershipIdOrderByRequestedAtAscIdAsc(memberships.getVisible(membershipId).getId());
    }

    public List<CessationDateChange> dateChanges(Cessation c) {
        return dateChanges.findByCessationIdOrderByChangedAtAscIdAsc(c.getId());
    }
}
