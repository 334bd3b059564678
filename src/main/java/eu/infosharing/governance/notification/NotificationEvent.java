package eu.infosharing.governance.notification;

/** What a member notifies its competent authority of: NIS2 Art. 29(4) and DORA Art. 45(3) name both events. */
public enum NotificationEvent {
    ENTRY, CESSATION
}
