package eu.infosharing.governance.membership;

import eu.infosharing.governance.api.NotFoundException;
import eu.infosharing.governance.api.Paging;
import eu.infosharing.governance.identity.CurrentUser;
import eu.infosharing.governance.organisation.IdentifierKey;
import eu.infosharing.governance.organisation.OrganisationRepository;
import eu.infosharing.governance.identity.Privileged;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads memberships as the current user may see them, and moves their status with an audit entry. */
@Service
public class MembershipService {

    private final MembershipRepository memberships;
    private final OrganisationRepository organisations;
    private final CurrentUser currentUser;

    private final HistoryService historyService;
    private final IdentityService identityService;

    public MembershipService(MembershipRepository memberships, OrganisationRepository organisations, CurrentUser currentUser,
                             HistoryService historyService, IdentityService identityService) {
        this.memberships = memberships;
        this.organisations = organisations;
        this.currentUser = currentUser;
        this.historyService = historyService;
        this.identityService = identityService;
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
        boolean own = currentUser.represents(m.getOrganisation());
        if (!currentUser.readsAllMemberships() && !own && !reviewedByCurrentUser().contains(m.getId())) {
            throw new NotFoundException("No membership " + id);
        }
        return m;
    }

    /**
     * The memberships a privacy or legal reviewer has (or had) a review task for: what they need to decide, and
     * nothing of the other applicants.
     */
    @Transactional(readOnly = true)
    public Set<Long> reviewedByCurrentUser() {
        List<String> reviewerGroups = currentUser.reviewerGroups();
        if (reviewerGroups.isEmpty()) {
            return Set.of();
        }
        // the reviewer may not read the engine's history itself: the product looks up its own scope
        return Privileged.call(identityService, () -> {
            Set<String> instances = new HashSet<>();
            reviewerGroups.forEach(g -> historyService.createHistoricTaskInstanceQuery().taskHadCandidateGroup(g).list()
                    .forEach(t -> instances.add(t.getProcessInstanceId())));
            Set<Long> ids = new HashSet<>();
            if (!instances.isEmpty()) {
                historyService.createHistoricProcessInstanceQuery().processInstanceIds(instances).list().forEach(pi -> {
                    try {
                        ids.add(Long.valueOf(pi.getBusinessKey()));
                    } catch (NumberFormatException e) {
                        // not a membership's process
                    }
                });
            }
            return ids;
        });
    }

    @Transactional(readOnly = true)
    public List<Membership> search(MembershipStatus status, String arrangementCode) {
        if (currentUser.readsAllMemberships()) {
            return memberships.search(status, arrangementCode, null);
        }
        return visibleToMemberOrReviewer(status, arrangementCode);
    }

    /**
     * One page of what {@link #search} answers. Coordinators and auditors page in the database; a member's or a
     * reviewer's list is bounded by its own organisation and its reviews, not by the community, and is cut in memory.
     */
    @Transactional(readOnly = true)
    public Page<Membership> search(MembershipStatus status, String arrangementCode, Paging paging) {
        if (currentUser.readsAllMemberships()) {
            return memberships.page(status, arrangementCode, paging.pageable());
        }
        return paging.of(visibleToMemberOrReviewer(status, arrangementCode));
    }

    /**
     * One page of the audit list, searched in the database: the name contains what was typed, or one of the
     * identifiers does however it was written (organisation.IdentifierKey), applied in [from, before). Coordinators,
     * auditors and administrators search every membership; a representative its own organisation's; others none.
     */
    @Transactional(readOnly = true)
    public Page<Membership> auditList(MembershipStatus status, String arrangementCode, String typed, Instant from, Instant before,
                                  Paging paging) {
        ListScope scope = listScope();
        if (scope.nothing()) {
            return Page.empty(paging.pageable());
        }
        String needle = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        String key = IdentifierKey.searchable(needle);
        return memberships.auditList(status, arrangementCode, scope.organisationId(), from, before, "%" + likeEscaped(needle) + "%",
                key.isEmpty() ? "" : "%" + likeEscaped(key) + "%", paging.pageable());
    }

    /**
     * Whose records the current user reads in the lists of the community: every organisation's (coordinators, auditors,
     * administrators), its own organisation's (a representative), or nothing.
     */
    @Transactional(readOnly = true)
    public ListScope listScope() {
        if (currentUser.readsAllMemberships()) {
            return new ListScope(true, null);
        }
        return new ListScope(false, organisations.findRepresentedBy(currentUser.groups()).map(o -> o.getId()).orElse(null));
    }

    /** @param organisationId the one organisation read, or null for every one when {@code everyone} */
    public record ListScope(boolean everyone, Long organisationId) {

        public boolean nothing() {
            return !everyone && organisationId == null;
        }
    }

    /** Typed text as it may stand in a LIKE pattern that escapes with '!'. */
    private static String likeEscaped(String typed) {
        return typed.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private List<Membership> visibleToMemberOrReviewer(MembershipStatus status, String arrangementCode) {
        Long own = listScope().organisationId();
        List<Membership> visible = new ArrayList<>(own == null ? List.of() : memberships.search(status, arrangementCode, own));
        Set<Long> reviewed = reviewedByCurrentUser();
        if (!reviewed.isEmpty()) {
            memberships.findAllById(reviewed).stream()
                    .filter(m -> (status == null || m.getStatus() == status)
                            && (arrangementCode == null || m.getArrangement().getCode().equals(arrangementCode))
                            && !visible.contains(m))
                    .forEach(visible::add);
            visible.sort(NEWEST_FIRST);
        }
        return visible;
    }

    /** The order of every membership list: newest application first, then the higher id. */
    private static final Comparator<Membership> NEWEST_FIRST = Comparator.comparing(Membership::getAppliedAt)
            .thenComparing(Membership::getId).reversed();

    /** The Camunda group of the membership's representatives: candidate group of the member's tasks in the models. */
    @Transactional(readOnly = true)
    public String representativesGroup(Long membershipId) {
        Membership m = get(membershipId);
        return m.getOrganisation().getRepresentativesGroup()
                .orElseThrow(() -> new IllegalStateException(m.getOrganisation().getLegalName() + " has no representatives group"));
    }

    /** Moves the membership to a status, recording the current user (or "system") and the reason. */
    @Transactional
    public Membership transition(Long id, MembershipStatus to, String reason) {
        Membership m = get(id);
        m.transition(to, currentUser.id(), reason);
        return m;
    }
}
