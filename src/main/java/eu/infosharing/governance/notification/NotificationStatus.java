package eu.infosharing.governance.notification;

import java.util.EnumSet;
import java.util.Set;

/** Where a notification to a competent authority stands. */
public enum NotificationStatus {
    /** The letter is ready and the arrangement sends it on the member's behalf. */
    PREPARED,
    /** Delivered through the authority's channel by the arrangement. */
    SENT,
    /** Prepared only: the member's representatives send it themselves and confirm. */
    AWAITING_MEMBER,
    /** The member (or a coordinator with the member's evidence) confirmed it was sent. */
    CONFIRMED;

    /** The authority has been told: the obligation is met. */
    public static final Set<NotificationStatus> DONE = EnumSet.of(SENT, CONFIRMED);
}
