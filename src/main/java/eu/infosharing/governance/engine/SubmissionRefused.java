package eu.infosharing.governance.engine;

import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * A submission that carries what its form does not ask for, or a value of the wrong kind: refused before the engine
 * does anything. A REST exception on purpose: every engine REST resource (task completion, form submission, process
 * start, the webapps' own engine API) answers it with 400 and this message, where an engine exception would turn
 * into a 500 on some of them.
 */
public class SubmissionRefused extends RestException {

    public SubmissionRefused(String message) {
        super(Response.Status.BAD_REQUEST, message);
    }
}
