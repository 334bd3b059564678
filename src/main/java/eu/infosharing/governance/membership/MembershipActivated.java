package eu.infosharing.governance.membership;

/**
 * Published in the transaction that makes a membership ACTIVE for the first time: features that follow an active
 * membership (the yearly review) start from it, so onboarding does not depend on them.
 */
public record MembershipActivated(Membership membership) {
}
