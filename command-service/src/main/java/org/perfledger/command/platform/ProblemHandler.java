package org.perfledger.command.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.perfledger.kernel.validation.InvalidValueException;
import org.perfledger.kernel.validation.Unavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal as {@code application/problem+json}: a stable {@code type} per kind of problem, and an {@code errors}
 * list naming each field and the rule it broke. Nothing reaches a client as a bare 500 with a stack trace.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    static final String TYPE_BASE = "urn:perfledger:problem:";

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "The request has invalid fields", e.errors());
    }

    @ExceptionHandler(DomainRejection.class)
    ProblemDetail rejected(DomainRejection e) {
        HttpStatus status = switch (e.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case RULE -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
        return problem(status, e.code(), e.getMessage(), e.errors());
    }

    /**
     * A value past a rule of the published language that no handler named a field for (a safety net: handlers
     * refuse with their field): 422 with the rule, and nothing was stored.
     */
    @ExceptionHandler(InvalidValueException.class)
    ProblemDetail invalidValue(InvalidValueException e) {
        log.warn("A rule was broken without a field named: {}", e.getMessage());
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "rule-broken", e.getMessage(),
                List.of(new FieldError(null, e.rule(), e.getMessage())));
    }

    /**
     * A district another shard keeps (or none does): 421 Misdirected Request, naming the shard and where its command
     * service answers, so a client (the web UI reads the shard map from its page) can send it there.
     */
    @ExceptionHandler(DistrictShards.Misdirected.class)
    ProblemDetail misdirected(DistrictShards.Misdirected e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(421), e.getMessage());
        problem.setType(URI.create(TYPE_BASE + "misdirected"));
        problem.setTitle("Misdirected Request");
        e.keeper().ifPresent(shard -> {
            problem.setProperty("shard", shard.name());
            problem.setProperty("commandApi", shard.commandApi().toString());
        });
        problem.setProperty("errors", List.of(new FieldError("district", "district.other-shard", e.getMessage())));
        return problem;
    }

    @ExceptionHandler(BusyException.class)
    ResponseEntity<ProblemDetail> busy(BusyException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "busy", e.getMessage() + "; nothing was stored",
                        List.of()));
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ProblemDetail versionConflict(ConflictingAggregateVersionException e) {
        String message = "the record changed since version " + e.getExpectedVersion() + "; it is now at version "
                + e.getActualVersion() + ": read it again and retry";
        return problem(HttpStatus.CONFLICT, "version-conflict", message,
                List.of(new FieldError(HttpHeaders.IF_MATCH, "version-conflict", message)));
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentWrite(ConcurrencyException e) {
        log.info("Concurrent write refused: {}", e.getMessage());
        return problem(HttpStatus.CONFLICT, "concurrent-write",
                "another request changed the same record at the same time; read it again and retry", List.of());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "nothing is recorded under " + e.getAggregateIdentifier()
                + ": a project must be registered, and a department-wide plan begun (by its budget, a goal or a "
                + "target), before anything else can be recorded on it", List.of());
    }

    /**
     * The database out of reach (restarting, failing over, out of connections) is not the client's fault and passes:
     * 503 with Retry-After, so a client retries, with its Idempotency-Key, rather than giving up. Anything else is 500.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (Unavailable.isTransient(e)) {
            log.warn("Request refused while the database is out of reach: {}", Unavailable.describe(e));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "2")
                    .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "the database is out of reach for "
                            + "the moment; nothing was stored: retry shortly (with the same Idempotency-Key)",
                            List.of()));
        }
        log.error("Unexpected failure", e);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "the request could not be completed; nothing was stored", List.of()));
    }

    /** Malformed JSON, unknown fields and wrong types are the client's: 400, naming the field. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodySizeLimit.TooLarge tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem(HttpStatus.PAYLOAD_TOO_LARGE,
                        "payload-too-large", tooLarge.getMessage(),
                        List.of(new FieldError(null, "body.size", tooLarge.getMessage()))));
            }
        }
        FieldError error = describe(e.getCause());
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "invalid-request", error.message(),
                List.of(error)));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail detail && detail.getType().equals(URI.create("about:blank"))) {
            detail.setType(URI.create(TYPE_BASE + "http-" + status.value()));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static FieldError describe(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new FieldError(path(unknown), "json.unknown-field",
                    "unknown field '" + unknown.getPropertyName() + "'; expected one of "
                            + unknown.getKnownPropertyIds());
        }
        if (cause instanceof ValueInstantiationException invalid) {
            Throwable root = invalid.getCause() == null ? invalid : invalid.getCause();
            String field = path(invalid);
            String reason = root == invalid || root.getMessage() == null ? "a required field is missing"
                    : root.getMessage() + (root instanceof NullPointerException ? " is required" : "");
            return new FieldError(field.isEmpty() ? null : field, "json.invalid-value",
                    (field.isEmpty() ? "the body" : field) + " is incomplete or invalid: " + reason);
        }
        if (cause instanceof JsonConfiguration.MalformedText malformed) {
            String field = path(malformed);
            return new FieldError(field.isEmpty() ? null : field, "text.unicode",
                    (field.isEmpty() ? "a text" : field) + " is not valid Unicode (an unpaired surrogate)");
        }
        if (cause instanceof InvalidNullException nulled) {
            return new FieldError(path(nulled), "json.null", path(nulled) + " must not be null");
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return new FieldError(path(mismatch), "json.type",
                    path(mismatch) + " has the wrong type: amounts and texts travel as JSON strings");
        }
        if (cause instanceof JsonProcessingException json) {
            return new FieldError(null, "json.syntax", "the body is not valid JSON: " + json.getOriginalMessage());
        }
        return new FieldError(null, "body.required", "a JSON body is required");
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    /**
     * A refusal names fields and rules, never the code behind them: a qualified Java name (a request record, an
     * exception, a library class) that a library's message carries is replaced by a neutral word.
     */
    static String withoutInternals(String text) {
        return text == null ? null : INTERNAL_NAME.matcher(text).replaceAll("a value");
    }

    private static final Pattern INTERNAL_NAME = Pattern.compile(
            "`?(?:\\[L)?(?:[a-z_][a-z0-9_]*\\.){2,}[A-Z][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*(?:\\[])?;?`?");

    /** Writes a problem from outside Spring MVC (servlet filters, Spring Security), in the same JSON form. */
    static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getWriter(), problem);
    }

    static ProblemDetail problem(HttpStatus status, String type, String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, withoutInternals(detail));
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(status.getReasonPhrase());
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors.stream().map(error -> new FieldError(error.field(), error.rule(),
                    withoutInternals(error.message()))).toList());
        }
        return problem;
    }
}
