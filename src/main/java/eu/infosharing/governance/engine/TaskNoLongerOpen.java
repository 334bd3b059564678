package eu.infosharing.governance.engine;

import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * A task completion or form submission that came after the task was done: two people completing the same task, or
 * one clicking twice. The later one is refused (nothing it sent is recorded) with 409 and, where the sender may know,
 * who completed the task and when, instead of the engine's "task is null" or optimistic-locking text. A REST
 * exception so that every door answers it alike (see {@link EngineRestErrors}).
 */
public class TaskNoLongerOpen extends RestException {

    static final String TYPE = "task-no-longer-open";
    static final String TITLE = "Task no longer open";

    TaskNoLongerOpen(String message) {
        super(Response.Status.CONFLICT, message);
    }
}
