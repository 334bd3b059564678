package eu.infosharing.governance.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The dates and times task forms show: local, in words, never a raw instant. */
class ReadableDatesTest {

    private final ReadableDates brussels = ReadableDates.in(ZoneId.of("Europe/Brussels"));

    @Test
    void anInstantIsShownInTheConfiguredZoneInWords() {
        Instant asked = Instant.parse("2026-11-30T09:35:20.744792Z");

        assertThat(brussels.dateTime(asked)).isEqualTo("30 November 2026, 10:35");
        assertThat(ReadableDates.in(ZoneId.of("Europe/Lisbon")).dateTime(asked)).isEqualTo("30 November 2026, 09:35");
    }

    @Test
    void summerTimeAndTheDayAnInstantFallsOnAreTheZones() {
        Instant lateEvening = Instant.parse("2026-06-30T22:30:00Z");

        assertThat(brussels.dateTime(lateEvening)).isEqualTo("1 July 2026, 00:30");
        assertThat(brussels.date(lateEvening)).isEqualTo("1 July 2026");
    }

    @Test
    void aDateIsInWordsAndNoDateIsEmpty() {
        assertThat(brussels.date(LocalDate.of(2027, 1, 1))).isEqualTo("1 January 2027");
        assertThat(brussels.date((LocalDate) null)).isEmpty();
        assertThat(brussels.dateTime(null)).isEmpty();
    }

    @Test
    void aMembersPageWritesTheDateInItsLanguage() {
        ZoneId zone = ZoneId.of("Europe/Brussels");
        Instant asked = Instant.parse("2026-11-30T09:35:20.744792Z");

        assertThat(ReadableDates.in(zone, Locale.forLanguageTag("nl")).dateTime(asked)).isEqualTo("30 november 2026, 10:35");
        assertThat(ReadableDates.in(zone, Locale.forLanguageTag("fr")).dateTime(asked)).isEqualTo("30 novembre 2026, 10:35");
        assertThat(ReadableDates.in(zone, Locale.forLanguageTag("de")).date(asked)).isEqualTo("30. November 2026");
        assertThat(ReadableDates.in(zone, Locale.ENGLISH).date(LocalDate.of(2027, 3, 1))).isEqualTo("1 March 2027");
    }
}
