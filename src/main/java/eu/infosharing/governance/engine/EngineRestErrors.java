package eu.infosharing.governance.engine;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import eu.infosharing.governance.api.DatabaseOutage;
import eu.infosharing.governance.api.Problems;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What engine REST and the webapps' own REST APIs (the engine API Tasklist and Cockpit call, their login) answer when
 * a request fails. Camunda's exception mappers answer {@code {"type": <exception class>, "message": <exception
 * message>}} for every failure, which put SQL and Spring's class names in front of a client during a database outage.
 * These mappers take their place (the same exception types at a higher priority, so Jersey picks them; registered
 * in every Jersey application of the product through {@code META-INF/services}, since the webapps' applications are
 * not Spring beans):
 * <ul>
 *   <li>the database is away: 503 problem+json with {@code Retry-After};</li>
 *   <li>a task completed by someone else first ({@link TaskNoLongerOpen}), a change that lost against another at the
 *       same moment, a task claimed by someone else: 409;</li>
 *   <li>an answer meant for people (a refusal of the trust boundary, a form's validation, an authorization, a 404)
 *       keeps its status, Camunda's shape and its words; a Java class named in them is shortened to its simple name,
 *       and the type is Camunda's exception type (never one of ours, Spring's or a driver's); a form field's refusal
 *       is the one sentence that names the field, without the engine's "Cannot instantiate process definition ...:"
 *       in front of it;</li>
 *   <li>any other server error whose message names SQL, classes or a stack is 500 problem+json with a reference that
 *       the log carries with the details.</li>
 * </ul>
 */
public final class EngineRestErrors implements AutoDiscoverable {

    private static final Logger log = LoggerFactory.getLogger(EngineRestErrors.class);

    /** Ahead of Camunda's mappers, which Jersey ranks at its default priority (5000; lower wins). */
    static final int PRIORITY = 100;

    /** A fully qualified class name: {@code java.lang.Integer}, {@code org.postgresql.util.PSQLException}. */
    private static final Pattern QUALIFIED_CLASS = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)");

    /** What a message must not show: SQL, tables, exception classes, entity dumps, stack frames, the pool, the driver. */
    private static final Pattern INTERNALS = Pattern.compile("(?i)\\bselect\\b.{0,300}\\bfrom\\b|\\binsert\\s+into\\b"
            + "|\\bupdate\\s+\\S+\\s+set\\b|\\bdelete\\s+from\\b|\\bACT_[A-Z]{2}_|sqlstate|###|\\bjdbc\\b|hikari|postgres"
            + "|\\bconstraint\\b|\\n\\s*at\\s|(?-i:\\b[A-Z]\\w*(?:Exception|Error)\\b)|(?-i:\\b[A-Z]\\w*Entity\\[)");

    @Override
    public void configure(FeatureContext context) {
        if (context.getConfiguration().getRuntimeType() != RuntimeType.SERVER
                || context.getConfiguration().isRegistered(AnyFailure.class)) {
            return;
        }
        context.register(AnyFailure.class, PRIORITY);
        context.register(EngineFailure.class, PRIORITY);
        context.register(RestFailure.class, PRIORITY);
        context.register(UnreadableJson.class, PRIORITY);
        context.register(UnparsableJson.class, PRIORITY);
    }

    /** The answer to any failure of an engine REST request. */
    static Response answer(Throwable failure) {
        if (DatabaseOutage.causedBy(failure)) {
            log.warn("Engine REST answered 503: the database is not available");
            return problem(Response.Status.SERVICE_UNAVAILABLE, Problems.DATABASE_UNAVAILABLE,
                    Problems.DATABASE_UNAVAILABLE_TITLE, Problems.DATABASE_UNAVAILABLE_DETAIL)
                    .header(HttpHeaders.RETRY_AFTER, Problems.RETRY_AFTER_SECONDS).build();
        }
        TaskNoLongerOpen gone = find(failure, TaskNoLongerOpen.class);
        if (gone != null) {
            String detail = shown(failure.getMessage());
            return problem(Response.Status.CONFLICT, TaskNoLongerOpen.TYPE, TaskNoLongerOpen.TITLE,
                    detail != null ? detail : gone.getMessage()).build();
        }
        if (find(failure, OptimisticLockingException.class) != null) {
            log.info("Engine REST answered 409: {}", failure.getMessage());
            return problem(Response.Status.CONFLICT, Problems.CONCURRENT_CHANGE, Problems.CONCURRENT_CHANGE_TITLE,
                    Problems.CONCURRENT_CHANGE_DETAIL).build();
        }
        Response camunda = ExceptionHandlerHelper.getInstance().getResponse(failure);
        int status = find(failure, TaskAlreadyClaimedException.class) != null ? 409 : camunda.getStatus();
        ExceptionDto dto = camunda.getEntity() instanceof ExceptionDto d ? d : new ExceptionDto();
        String message = shown(dto.getMessage());
        if (status >= 500 && message == null) {
            String reference = Problems.newReference();
            log.error("Engine REST error, reference {}", reference, failure);
            return problem(Response.Status.fromStatusCode(status), Problems.INTERNAL_ERROR, Problems.INTERNAL_ERROR_TITLE,
                    Problems.internalErrorDetail(reference)).build();
        }
        FormFieldValidationException refused = find(failure, FormFieldValidationException.class);
        if (refused != null && status == 400 && shown(refused.getMessage()) != null) {
            // a form's field refused: the sentence that names the field, without Camunda's "Cannot instantiate process
            // definition membership-onboarding:1:...:" or "Cannot submit task form ...:" in front of it
            message = shown(refused.getMessage());
        }
        dto.setType(camundaType(failure));
        dto.setMessage(message != null ? message : plainWords(status));
        return Response.status(status).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The message as a person may read it: class names shortened; null when it shows SQL, stacks or exception names. */
    static String shown(String message) {
        if (message == null) {
            return null;
        }
        String shortened = QUALIFIED_CLASS.matcher(message).replaceAll("$1");
        return shortened.isBlank() || INTERNALS.matcher(shortened).find() ? null : shortened;
    }

    /** Camunda's own exception type (its REST protocol names it), never a class of ours, Spring's or a driver's. */
    static String camundaType(Throwable failure) {
        for (Class<?> c = failure.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().startsWith("org.camunda.bpm.") || c.getName().startsWith("jakarta.ws.rs.")) {
                return c.getSimpleName();
            }
        }
        return "InvalidRequestException";
    }

    private static String plainWords(int status) {
        return switch (status) {
            case 400 -> "This request is not valid here: check its parameters and its body.";
            case 403 -> "Your role does not allow this.";
            case 404 -> "Not found.";
            case 409 -> Problems.CONCURRENT_CHANGE_DETAIL;
            default -> Response.Status.fromStatusCode(status) == null ? "The request failed."
                    : Response.Status.fromStatusCode(status).getReasonPhrase() + ".";
        };
    }

    private static Response.ResponseBuilder problem(Response.StatusType status, String type, String title, String detail) {
        return Response.status(status).type(Problems.MEDIA_TYPE)
                .entity(Problems.json(status.getStatusCode(), type, title, detail));
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** A body that is not JSON, or not of the resource's shape: 400, as Camunda answers it, in plain words. */
    private static Response unreadable(Exception failure) {
        return answer(new InvalidRequestException(Response.Status.BAD_REQUEST, failure, ""));
    }

    /** One mapper per exception type Camunda maps, so that each is as close to a failure as Camunda's own. */
    abstract static class Mapper<E extends Throwable> implements ExceptionMapper<E> {
        @Override
        public Response toResponse(E failure) {
            return failure instanceof JsonMappingException || failure instanceof JsonParseException
                    ? unreadable((Exception) failure) : answer(failure);
        }
    }

    public static class AnyFailure extends Mapper<Throwable> {
    }

    public static class EngineFailure extends Mapper<ProcessEngineException> {
    }

    public static class RestFailure extends Mapper<RestException> {
    }

    public static class UnreadableJson extends Mapper<JsonMappingException> {
    }

    public static class UnparsableJson extends Mapper<JsonParseException> {
    }
}
