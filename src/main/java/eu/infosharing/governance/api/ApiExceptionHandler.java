package eu.infosharing.governance.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
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

    /** Strict JSON: wrong types, unknown or repeated fields and data after the body are refused, naming the field. */
    /** The engine's trust boundary refused what a person sent (a form field that is not one, an action of another role). */
    @ExceptionHandler(org.camunda.bpm.engine.rest.exception.RestException.class)
    ProblemDetail engineRefused(org.camunda.bpm.engine.rest.exception.RestException e) {
        HttpStatus status = e.getStatus() == null ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.valueOf(e.getStatus().getStatusCode());
        return problem(status, status.getReasonPhrase(), e.getMessage(), status == HttpStatus.FORBIDDEN ? "forbidden" : "invalid-input");
    }

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
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setType(URI.create("urn:arrangement-governance:problem:" + type));
        if (status.is5xxServerError()) {
            log.error("{}: {}", title, detail);
        }
        return p;
    }

    private static ProblemDetail withErrors(ProblemDetail p, List<FieldProblem> problems) {
        p.setProperty("errors", problems.stream()
                .map(f -> new ErrorEntry(f.field(), f.message())).toList());
        return p;
    }

    record ErrorEntry(String field, String message) {
    }
}
