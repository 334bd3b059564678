package eu.infosharing.governance.engine;

import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * An action the person's role may not take through the engine's doors (writing variables by hand, correlating a
 * message, executing a job, an auditor writing anything): refused before the engine opens a transaction. A REST
 * exception on purpose: engine REST answers it with 403 on every resource, where an engine exception is turned into a
 * 400 or 500 with another message by some of them (creating a comment answers "Not enough parameters submitted").
 */
public class ActionRefused extends RestException {

    public ActionRefused(String message) {
        super(Response.Status.FORBIDDEN, message);
    }
}
