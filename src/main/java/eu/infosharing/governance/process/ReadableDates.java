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
 * so that no form shows a raw instant such as 2026-11-30T09:35:20.744792Z. The pages members read use the member's
 * language ({@link #in(ZoneId, Locale)}): "30 november 2026", "30 novembre 2026", "30. November 2026".
 */
public final class ReadableDates {

    private final ZoneId zone;
    private final DateTimeFormatter days;
    private final DateTimeFormatter times;

    private ReadableDates(ZoneId zone, Locale locale) {
        this.zone = zone;
        // German writes the day as an ordinal ("30. November 2026"); English, Dutch and French write the number alone
        String day = "de".equals(locale.getLanguage()) ? "d." : "d";
        this.days = DateTimeFormatter.ofPattern(day + " MMMM uuuu", locale);
        this.times = DateTimeFormatter.ofPattern(day + " MMMM uuuu, HH:mm", locale);
    }

    /** Dates and times shown in this zone, in English. */
    public static ReadableDates in(ZoneId zone) {
        return new ReadableDates(zone, Locale.ENGLISH);
    }

    /** Dates and times shown in this zone, in this language's words ("30 novembre 2026, 10:35"). */
    public static ReadableDates in(ZoneId zone, Locale locale) {
        return new ReadableDates(zone, locale);
    }

    /** "30 November 2026"; empty for no date. */
    public String date(LocalDate date) {
        return date == null ? "" : days.format(date);
    }

    /** The day on which the instant falls in the zone, "30 November 2026"; empty for none. */
    public String date(Instant instant) {
        return instant == null ? "" : days.format(instant.atZone(zone));
    }

    /** "30 November 2026, 10:35" in the zone; empty for no instant. */
    public String dateTime(Instant instant) {
        return instant == null ? "" : times.format(instant.atZone(zone));
    }
}
