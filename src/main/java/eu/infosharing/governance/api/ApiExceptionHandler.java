package eu.infosharing.governance.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every error of our API as application/problem+json (RFC 9457), naming the bad fields. */
@RestControllerAdvice(basePackages = "eu.infosharing.governance")
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return withErrors(problem(HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage(), "invalid-input"), e.problems());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage(), "conflict");
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), "not-found");
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage(), "forbidden");
    }

    /** The engine refused an action the caller's grants do not cover. */
    @ExceptionHandler(org.camunda.bpm.engine.AuthorizationException.class)
    ProblemDetail engineForbidden(org.camunda.bpm.engine.AuthorizationException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this", "forbidden");
    }

    /** The engine's trust boundary refused what a person sent (a form field that is not one, an action of another role). */
    @ExceptionHandler(org.camunda.bpm.engine.rest.exception.RestException.class)
    ProblemDetail engineRefused(org.camunda.bpm.engine.rest.exception.RestException e) {
        HttpStatus status = e.getStatus() == null ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.valueOf(e.getStatus().getStatusCode());
        if (status.is5xxServerError()) {
            return internalError(e);
        }
        return problem(status, status.getReasonPhrase(), e.getMessage(), status == HttpStatus.FORBIDDEN ? "forbidden" : "invalid-input");
    }

    /** Two requests changed the same record at the same moment (a membership, an engine execution): the later loses. */
    @ExceptionHandler({ConcurrencyFailureException.class, org.camunda.bpm.engine.OptimisticLockingException.class})
    ProblemDetail concurrentChange(RuntimeException e) {
        log.info("Concurrent change refused: {}", e.getMessage());
        return problem(HttpStatus.CONFLICT, Problems.CONCURRENT_CHANGE_TITLE, Problems.CONCURRENT_CHANGE_DETAIL,
                Problems.CONCURRENT_CHANGE);
    }

    /**
     * Whatever else fails: the database being away is 503 with a retry hint; Spring's own errors (404, 405, ...) keep
     * their status; anything else is 500 under a reference the log carries. Never SQL, class names or a stack trace.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) throws Exception {
        if (e instanceof AuthenticationException || e instanceof AccessDeniedException) {
            throw e; // Spring Security's own answers (401 with its challenge, 403)
        }
        if (e instanceof AsyncRequestNotUsableException) {
            throw e; // the client went away: nothing to answer, nothing to log as our error
        }
        if (DatabaseOutage.causedBy(e)) {
            log.warn("Answered 503: the database is not available ({})", e.getClass().getSimpleName());
            ProblemDetail p = problem(HttpStatus.SERVICE_UNAVAILABLE, Problems.DATABASE_UNAVAILABLE_TITLE,
                    Problems.DATABASE_UNAVAILABLE_DETAIL, Problems.DATABASE_UNAVAILABLE);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(Problems.RETRY_AFTER_SECONDS)).body(p);
        }
        if (e instanceof ErrorResponse known) {
            return ResponseEntity.status(known.getStatusCode()).headers(known.getHeaders()).body(known.getBody());
        }
        return ResponseEntity.internalServerError().body(internalError(e));
    }

    private static ProblemDetail internalError(Exception e) {
        String reference = Problems.newReference();
        log.error("Unexpected error, reference {}", reference, e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL_ERROR_TITLE, Problems.internalErrorDetail(reference),
                Problems.INTERNAL_ERROR);
    }

    /** Strict JSON: wrong types, unknown or repeated fields and data after the body are refused, naming the field. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String why = mapping instanceof UnrecognizedPropertyException ? "is not a field of this request"
                    : "has a value of the wrong type";
            FieldProblem p = new FieldProblem(field, field, why);
            return withErrors(problem(HttpStatus.BAD_REQUEST, "Invalid input", p.sentence(), "invalid-input"), List.of(p));
        }
        if (e.getCause() instanceof JsonParseException parse && parse.getOriginalMessage() != null
                && parse.getOriginalMessage().startsWith("Duplicate field")) {
            String field = parse.getOriginalMessage().replaceAll("^Duplicate field '(.*)'.*$", "$1");
            FieldProblem p = new FieldProblem(field, field, "is given twice");
            return withErrors(problem(HttpStatus.BAD_REQUEST, "Invalid input", p.sentence(), "invalid-input"), List.of(p));
        }
        if (e.getCause() instanceof MismatchedInputException mismatch && mismatch.getOriginalMessage() != null
                && mismatch.getOriginalMessage().startsWith("Trailing token")) {
            return problem(HttpStatus.BAD_REQUEST, "Unreadable request",
                    "The request body has data after its JSON value: send exactly one JSON value", "unreadable");
        }
        return problem(HttpStatus.BAD_REQUEST, "Unreadable request",
                "The request body is not valid JSON for this operation", "unreadable");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        FieldProblem p = new FieldProblem(e.getName(), e.getName(), "has an unknown value '" + e.getValue() + "'");
        return withErrors(problem(HttpStatus.BAD_REQUEST, "Invalid input", p.sentence(), "invalid-input"), List.of(p));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        FieldProblem p = new FieldProblem(e.getParameterName(), e.getParameterName(), "is required");
        return withErrors(problem(HttpStatus.BAD_REQUEST, "Invalid input", p.sentence(), "invalid-input"), List.of(p));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                "Send the request body as application/json", "unsupported-media-type");
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, String type) {
        return Problems.of(status, title, detail, type);
    }

    private static ProblemDetail withErrors(ProblemDetail p, List<FieldProblem> problems) {
        p.setProperty("errors", problems.stream()
                .map(f -> new ErrorEntry(f.field(), f.message())).toList());
        return p;
    }

    record ErrorEntry(String field, String message) {
    }
}
