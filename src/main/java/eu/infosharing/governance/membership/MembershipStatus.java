package eu.infosharing.governance.membership;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a membership stands. The entry lifecycle ends in ACTIVE (validated, access granted, authorities being
 * notified), REJECTED or EXPIRED; the exit lifecycle goes through CESSATION_PENDING (or SUSPENDED) to CEASED.
 */
public enum MembershipStatus {
    SUBMITTED,
    AWAITING_ENDORSEMENT,
    UNDER_REVIEW,
    INFORMATION_REQUESTED,
    AWAITING_RULES_ACCEPTANCE,
    COMPLIANCE_REVIEW,
    VALIDATED,
    ACTIVE,
    /** A breach decision paused access; the membership stays. */
    SUSPENDED,
    /** Withdrawal, expulsion or lapse decided; it takes effect on the cessation's effective date. */
    CESSATION_PENDING,
    CEASED,
    REJECTED,
    EXPIRED;

    /** An application still in progress. */
    public static final Set<MembershipStatus> PENDING = EnumSet.of(SUBMITTED, AWAITING_ENDORSEMENT, UNDER_REVIEW,
            INFORMATION_REQUESTED, AWAITING_RULES_ACCEPTANCE, COMPLIANCE_REVIEW);

    /** A membership in force: the organisation takes part in the arrangement. */
    public static final Set<MembershipStatus> IN_FORCE = EnumSet.of(VALIDATED, ACTIVE, SUSPENDED, CESSATION_PENDING);

    /** Pending or in force: a second application for the same arrangement is a duplicate. */
    public static final Set<MembershipStatus> OPEN = union(PENDING, IN_FORCE);

    private static Set<MembershipStatus> union(Set<MembershipStatus> a, Set<MembershipStatus> b) {
        Set<MembershipStatus> all = EnumSet.copyOf(a);
        all.addAll(b);
        return all;
    }

    public boolean isFinal() {
        return this == REJECTED || this == EXPIRED || this == CEASED;
    }
}
