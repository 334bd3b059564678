package eu.infosharing.governance.notification;

import eu.infosharing.governance.process.ReadableDates;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Timing of authority-notification, read by the model ({@code ${notificationSettings.retryCycle}}) and by the
 * services: back-off of failed sends, reminders before the deadline, the zone in which dates fall.
 */
@Component("notificationSettings")
@ConfigurationProperties(prefix = "governance.notification")
public class NotificationSettings {

    /** The arrangement's zone unless governance.notification.zone says otherwise: what "today" means. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Brussels");

    /** Back-off between send attempts; when it runs out the job raises an incident in Cockpit. */
    private String retryCycle = "PT1M,PT5M,PT30M,PT2H,PT6H";
    /** The first reminder to a member that sends itself goes out this long before the deadline... */
    private Period reminderLead = Period.ofDays(7);
    /** ...and then again at this interval until the deadline. */
    private Period reminderInterval = Period.ofDays(3);
    /**
     * How long an authority's HTTPS endpoint may take to connect, and again to answer: a send must end well inside the
     * job executor's lock time, or another node would take it over while it runs ({@link SendsFitTheJobLock}).
     */
    private Duration httpTimeout = Duration.ofSeconds(15);
    /**
     * When no rule names an entity's competent authority, a coordinator has this long from the event to find it: the
     * deadline most authorities set for the notification itself (4 weeks, see V3__competent_authorities.sql).
     */
    private Period authoritySearchPeriod = Period.ofDays(28);
    /** Dates of entry, cessation and deadlines are dates in this zone. */
    private ZoneId zone = DEFAULT_ZONE;
    /**
     * How long after a notification was sent (or the member confirmed sending it) the authority's acknowledgement may
     * take before a coordinator follows it up; and how long after a coordinator chased the authority the next follow-up
     * comes.
     */
    private Period acknowledgementPeriod = Period.ofDays(14);
    /** When a coordinator's follow-up (an overdue notification, a missing acknowledgement) is due. */
    private String followUpDue = "P5D";
    /** Tasklist brings a member's task to send a notification itself back up this long after it was created. */
    private String sendTaskFollowUp = "P7D";
    /** Rows of the notification register read at once: its memory, whatever the register's length. */
    private int registerChunk = 1000;
    /** The same, per authority code where an authority answers faster or slower (e.g. NBB: P7D). */
    private Map<String, Period> acknowledgementPeriods = new HashMap<>();

    public LocalDate today() {
        return LocalDate.now(zone);
    }

    /** Dates and times as people read them, in this zone: "30 November 2026, 10:35". */
    public ReadableDates readable() {
        return ReadableDates.in(zone);
    }

    public LocalDate dateOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** The first moment of the date: when a cessation or a revision takes effect. */
    public Date startOf(LocalDate date) {
        return Date.from(date.atStartOfDay(zone).toInstant());
    }

    /** The end of the due date: a notification is late from the next day on. */
    public Date endOf(LocalDate date) {
        return Date.from(date.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /**
     * A repeating timer (ISO 8601 R<n>/start/interval) for the reminders before the due date, none in the past:
     * for a due date in 28 days, reminders 7, 4 and 1 days before it.
     */
    public String reminderCycle(LocalDate dueDate) {
        ZonedDateTime due = dueDate.atTime(9, 0).atZone(zone);
        ZonedDateTime start = due.minus(reminderLead);
        ZonedDateTime now = ZonedDateTime.now(zone).plusMinutes(1);
        while (start.isBefore(now)) {
            start = start.plus(reminderInterval);
        }
        int count = 0;
        for (ZonedDateTime t = start; t.isBefore(due); t = t.plus(reminderInterval)) {
            count++;
        }
        // at least one reminder, on the morning of the due date if nothing earlier fits
        return "R" + Math.max(count, 1) + "/" + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(count == 0 ? due : start)
                + "/" + reminderInterval;
    }

    /** The acknowledgement period of this authority: its own setting, else the global one. */
    public Period acknowledgementPeriod(String authorityCode) {
        return acknowledgementPeriods.getOrDefault(authorityCode, acknowledgementPeriod);
    }

    public Period getAcknowledgementPeriod() {
        return acknowledgementPeriod;
    }

    public void setAcknowledgementPeriod(Period acknowledgementPeriod) {
        this.acknowledgementPeriod = acknowledgementPeriod;
    }

    public Map<String, Period> getAcknowledgementPeriods() {
        return acknowledgementPeriods;
    }

    public void setAcknowledgementPeriods(Map<String, Period> acknowledgementPeriods) {
        this.acknowledgementPeriods = acknowledgementPeriods;
    }

    public String getRetryCycle() {
        return retryCycle;
    }

    public void setRetryCycle(String retryCycle) {
        this.retryCycle = retryCycle;
    }

    public Period getReminderLead() {
        return reminderLead;
    }

    public void setReminderLead(Period reminderLead) {
        this.reminderLead = reminderLead;
    }

    public Period getReminderInterval() {
        return reminderInterval;
    }

    public void setReminderInterval(Period reminderInterval) {
        this.reminderInterval = reminderInterval;
    }

    public Period getAuthoritySearchPeriod() {
        return authoritySearchPeriod;
    }

    public void setAuthoritySearchPeriod(Period authoritySearchPeriod) {
        this.authoritySearchPeriod = authoritySearchPeriod;
    }

    public Duration getHttpTimeout() {
        return httpTimeout;
    }

    public void setHttpTimeout(Duration httpTimeout) {
        this.httpTimeout = httpTimeout;
    }

    public String getFollowUpDue() {
        return followUpDue;
    }

    public void setFollowUpDue(String followUpDue) {
        this.followUpDue = followUpDue;
    }

    public String getSendTaskFollowUp() {
        return sendTaskFollowUp;
    }

    public void setSendTaskFollowUp(String sendTaskFollowUp) {
        this.sendTaskFollowUp = sendTaskFollowUp;
    }

    public int getRegisterChunk() {
        return registerChunk;
    }

    public void setRegisterChunk(int registerChunk) {
        this.registerChunk = registerChunk;
    }

    public ZoneId getZone() {
        return zone;
    }

    public void setZone(ZoneId zone) {
        this.zone = zone;
    }
}
