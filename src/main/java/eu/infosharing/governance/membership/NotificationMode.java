package eu.infosharing.governance.membership;

/** The member's choice, at application time and later: the arrangement sends its notifications, or only prepares them. */
public enum NotificationMode {
    SEND_ON_BEHALF,
    PREPARE_ONLY
}
