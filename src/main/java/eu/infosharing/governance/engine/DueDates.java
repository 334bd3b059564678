package eu.infosharing.governance.engine;

import java.util.Date;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * A task's due date from the same ISO 8601 duration (P14D, PT12H...) a model's timer reads, computed the way the engine
 * computes that timer (its {@code DurationHelper} and clock), so the date a person sees and the moment the timer fires
 * cannot drift apart.
 */
public final class DueDates {

    private DueDates() {
    }

    /** Now plus the duration, as the engine's timer with {@code timeDuration} = this duration would fall due. */
    public static Date after(String isoDuration) {
        return after(isoDuration, ClockUtil.getCurrentTime());
    }

    /** The moment plus the duration, as a timer started then would fall due. */
    public static Date after(String isoDuration, Date from) {
        try {
            return new DurationHelper(isoDuration, from).getDateAfter();
        } catch (Exception e) {
            throw new IllegalStateException("Not an ISO 8601 duration: " + isoDuration, e);
        }
    }

    /** Halfway from now to the date: a task's follow-up date, so that it surfaces in Tasklist before it is late. */
    public static Date halfwayTo(Date due) {
        long now = ClockUtil.getCurrentTime().getTime();
        return new Date(now + (due.getTime() - now) / 2);
    }
}
