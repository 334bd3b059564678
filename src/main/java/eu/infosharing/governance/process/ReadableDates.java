package eu.infosharing.governance.process;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and times as people read them in task forms and the other texts the product writes for them: in the
 * configured zone ({@code governance.notification.zone}, Europe/Brussels by default), in words, in English (the
 * language of the task forms): "30 November 2026" and "30 November 2026, 10:35". One formatter for every such text,
 * so that no form shows a raw instant such as 2026-11-30T09:35:20.744792Z.
 */
public final class ReadableDates {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm", Locale.ENGLISH);

    private final ZoneId zone;

    private ReadableDates(ZoneId zone) {
        this.zone = zone;
    }

    /** Dates and times shown in this zone. */
    public static ReadableDates in(ZoneId zone) {
        return new ReadableDates(zone);
    }

    /** "30 November 2026"; empty for no date. */
    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** The day on which the instant falls in the zone, "30 November 2026"; empty for none. */
    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(zone));
    }

    /** "30 November 2026, 10:35" in the zone; empty for no instant. */
    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
    }
}
