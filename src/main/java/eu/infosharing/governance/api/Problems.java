package eu.infosharing.governance.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The problem+json answers (RFC 9457) that every door gives alike, our API, engine REST, the webapps' APIs and the
 * servlet filters in front of them: their type names, and the words of the answers that are the same everywhere.
 * Bodies built here also carry {@code message}, the field Camunda's clients (Tasklist, Cockpit, engine REST callers)
 * read an error from.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:arrangement-governance:problem:";

    /** The database cannot be reached (stopped, unreachable, or no connection free in time): 503 with a retry hint. */
    public static final String DATABASE_UNAVAILABLE = "database-unavailable";
    public static final String DATABASE_UNAVAILABLE_TITLE = "Database unavailable";
    public static final String DATABASE_UNAVAILABLE_DETAIL = "The database is not available right now, so this request "
            + "could not be carried out. Try again in a few seconds.";
    /** Seconds a client should wait before trying again (the Retry-After header of a 503). */
    public static final int RETRY_AFTER_SECONDS = 10;

    /** Two people (or one clicking twice) changed the same thing at the same moment: 409. */
    public static final String CONCURRENT_CHANGE = "concurrent-change";
    public static final String CONCURRENT_CHANGE_TITLE = "Changed at the same time";
    public static final String CONCURRENT_CHANGE_DETAIL = "Someone else changed this at the same moment, so your request "
            + "was not carried out. Reload and try again.";

    /** Anything else that fails on our side: 500, named by a reference that the log carries with the details. */
    public static final String INTERNAL_ERROR = "internal-error";
    public static final String INTERNAL_ERROR_TITLE = "Internal error";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    public static URI type(String name) {
        return URI.create(TYPE_PREFIX + name);
    }

    /** A problem+json answer of our API: its status, title, detail and type name. */
    public static org.springframework.http.ProblemDetail of(org.springframework.http.HttpStatus status, String title,
                                                            String detail, String type) {
        org.springframework.http.ProblemDetail p = org.springframework.http.ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setType(type(type));
        return p;
    }

    /** A short reference under which an unexpected error is logged, to be quoted to an administrator. */
    public static String newReference() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public static String internalErrorDetail(String reference) {
        return "The request failed on our side. It was logged with reference " + reference
                + "; try again, or give an administrator the reference.";
    }

    /** A problem+json body as JSON text: type, title, status, detail, and the same detail as {@code message}. */
    public static String json(int status, String type, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_PREFIX + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("message", detail);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
