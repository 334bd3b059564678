package eu.infosharing.governance.membership;

import eu.infosharing.governance.api.NotFoundException;
import eu.infosharing.governance.identity.CurrentUser;
import eu.infosharing.governance.organisation.OrganisationRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads memberships as the current user may see them, and moves their status with an audit entry. */
@Service
public class MembershipService {

    private final MembershipRepository memberships;
    private final OrganisationRepository organisations;
    private final CurrentUser currentUser;

    public MembershipService(MembershipRepository memberships, OrganisationRepository organisations, CurrentUser currentUser) {
        this.memberships = memberships;
        this.organisations = organisations;
        this.currentUser = currentUser;
    }

    /** The membership, for the engine's and the product's own work. */
    @Transactional(readOnly = true)
    public Membership get(Long id) {
        return memberships.findById(id).orElseThrow(() -> new NotFoundException("No membership " + id));
    }

    /**
     * The membership if the current user may see it. A membership of another organisation answers as if it did not
     * exist, so that a representative cannot learn who else applied.
     */
    @Transactional(readOnly = true)
    public Membership getVisible(Long id) {
        Membership m = get(id);
        if (!currentUser.readsAllMemberships() && !currentUser.isIn(m.getOrganisation().getRepresentativesGroup().orElse(""))) {
            throw new NotFoundException("No membership " + id);
        }
        return m;
    }

    @Transactional(readOnly = true)
    public List<Membership> search(MembershipStatus status, String arrangementCode) {
        if (currentUser.readsAllMemberships()) {
            return memberships.search(status, arrangementCode, null);
        }
        Optional<Long> own = organisations.findRepresentedBy(currentUser.groups()).map(o -> o.getId());
        return own.map(orgId -> memberships.search(status, arrangementCode, orgId)).orElse(List.of());
    }

    /** Moves the membership to a status, recording the current user (or "system") and the reason. */
    @Transactional
    public Membership transition(Long id, MembershipStatus to, String reason) {
        Membership m = get(id);
        m.transition(to, currentUser.id(), reason);
        return m;
    }
}
