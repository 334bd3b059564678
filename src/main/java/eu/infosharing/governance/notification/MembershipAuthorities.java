package eu.infosharing.governance.notification;

import eu.infosharing.governance.api.ConflictException;
import eu.infosharing.governance.api.FieldProblem;
import eu.infosharing.governance.api.StrictText;
import eu.infosharing.governance.api.ForbiddenException;
import eu.infosharing.governance.api.InvalidInputException;
import eu.infosharing.governance.identity.CurrentUser;
import eu.infosharing.governance.identity.Roles;
import eu.infosharing.governance.membership.Membership;
import eu.infosharing.governance.membership.MembershipService;
import eu.infosharing.governance.notification.CompetentAuthorityService.Determination;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The authorities one membership notifies: what the decision table says, corrected by coordinators' overrides. */
@Service
public class MembershipAuthorities {

    private final MembershipService memberships;
    private final CompetentAuthorityService authorities;
    private final CompetentAuthorityRepository authorityRepository;
    private final AuthorityOverrideRepository overrides;
    private final CurrentUser currentUser;

    public MembershipAuthorities(MembershipService memberships, CompetentAuthorityService authorities,
                                 CompetentAuthorityRepository authorityRepository, AuthorityOverrideRepository overrides,
                                 CurrentUser currentUser) {
        this.memberships = memberships;
        this.authorities = authorities;
        this.authorityRepository = authorityRepository;
        this.overrides = overrides;
        this.currentUser = currentUser;
    }

    public record View(List<Determination> determined, List<AuthorityOverride> overrides, List<Determination> effective) {
    }

    /** For whoever may see the membership (read-write: the evaluation is written to the decision history). */
    @Transactional
    public View of(Long membershipId) {
        Membership m = memberships.getVisible(membershipId);
        return view(m);
    }

    /** Coordinators only; the reason is kept with who decided and when. */
    @Transactional
    public View override(Long membershipId, OverrideRequest request) {
        if (!currentUser.isIn(Roles.COORDINATORS)) {
            throw new ForbiddenException("Only coordinators override the competent authorities of a membership");
        }
        Membership m = memberships.get(membershipId);
        List<FieldProblem> problems = new ArrayList<>();
        String code = request.authorityCode() == null ? null : request.authorityCode().strip().toUpperCase(Locale.ROOT);
        if (code == null || code.isEmpty()) {
            problems.add(new FieldProblem("authorityCode", "Authority", "is required"));
        } else if (authorityRepository.findByCode(code).isEmpty()) {
            problems.add(new FieldProblem("authorityCode", "Authority", "'" + code + "' is not a known competent authority"));
        }
        AuthorityOverride.Action action = null;
        try {
            action = request.action() == null ? null : AuthorityOverride.Action.valueOf(request.action().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (action == null) {
            problems.add(new FieldProblem("action", "Action", "must be ADD or REMOVE"));
        }
        String reason = StrictText.freeText("reason", "Reason", request.reason(), 2000, "is required: it is kept as evidence",
                problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        boolean notified = view(m).effective().stream().anyMatch(d -> d.authorityCode().equals(code));
        if (action == AuthorityOverride.Action.ADD && notified) {
            throw new ConflictException(code + " is already notified for this membership");
        }
        if (action == AuthorityOverride.Action.REMOVE && !notified) {
            throw new ConflictException(code + " is not notified for this membership");
        }
        overrides.save(new AuthorityOverride(m, code, action, reason, currentUser.id()));
        m.audit(currentUser.id(), "AUTHORITY_OVERRIDE", action + " " + code + ": " + reason);
        return view(m);
    }

    /** The authorities this membership notifies, as the table decides and coordinators corrected it. */
    @Transactional
    public List<Determination> effective(Membership m) {
        return view(m).effective();
    }

    private View view(Membership m) {
        List<Determination> determined = authorities.determine(m.getOrganisation());
        List<AuthorityOverride> corrections = overrides.findByMembershipIdOrderByDecidedAtAscIdAsc(m.getId());
        Map<String, Determination> effective = new LinkedHashMap<>();
        determined.forEach(d -> effective.put(d.authorityCode(), d));
        for (AuthorityOverride o : corrections) {
            if (o.getAction() == AuthorityOverride.Action.ADD) {
                effective.put(o.getAuthorityCode(), new Determination(o.getAuthorityCode(),
                        "Coordinator override by " + o.getActor() + ": " + o.getReason()));
            } else {
                effective.remove(o.getAuthorityCode());
            }
        }
        return new View(determined, corrections, List.copyOf(effective.values()));
    }

    public record OverrideRequest(String authorityCode, String action, String reason) {
    }
}
