package eu.infosharing.governance.notification;

/**
 * What a member notifies its competent authority of: NIS2 Art. 29(4) and DORA Art. 45(3) name entry and cessation.
 * CONCERN_ENDED is ours: an authority told of the participation that, after a yearly review, no longer has competence
 * for it, is told so when a coordinator decides it (no provision asks for it; it keeps the authority's record true).
 */
public enum NotificationEvent {
    ENTRY, CESSATION, CONCERN_ENDED;

    /** Whether the event ends what the authority was told of the participation: it no longer counts it. */
    public boolean endsConcern() {
        return this != ENTRY;
    }
}
