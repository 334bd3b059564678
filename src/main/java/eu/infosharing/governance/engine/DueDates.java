package eu.infosharing.governance.engine;

import java.util.Date;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;

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
        try {
            return new DurationHelper(isoDuration).getDateAfter();
        } catch (Exception e) {
            throw new IllegalStateException("Not an ISO 8601 duration: " + isoDuration, e);
        }
    }
}
