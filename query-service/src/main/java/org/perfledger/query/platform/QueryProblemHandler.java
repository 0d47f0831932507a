package org.perfledger.query.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.perfledger.kernel.validation.InvalidValueException;
import org.perfledger.kernel.validation.Unavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Refusals of the query API as {@code application/problem+json}, in the same form as the command API's. */
@RestControllerAdvice
class QueryProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(QueryProblemHandler.class);

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage(), e.field(), e.rule());
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", e.getMessage(), null, "role.forbidden");
    }

    @ExceptionHandler(InvalidValueException.class)
    ProblemDetail invalid(InvalidValueException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", e.getMessage(), null, e.rule());
    }

    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail invalidParameter(InvalidParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", e.getMessage(), e.field(), e.rule());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "conflict", e.getMessage(), e.field(), e.rule());
    }

    /** The database out of reach for the moment: 503 with Retry-After; anything else is 500. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (Unavailable.isTransient(e)) {
            log.warn("Read refused while the database is out of reach: {}", Unavailable.describe(e));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "2")
                    .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "the database is out of reach for the "
                            + "moment: retry shortly", null, "unavailable"));
        }
        log.error("Unexpected failure", e);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "the query could not be answered", null, "internal"));
    }

    /** Writes a problem from outside Spring MVC (Spring Security), in the same JSON form. */
    static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getWriter(), problem);
    }

    static ProblemDetail problem(HttpStatus status, String type, String detail, String field, String rule) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:perfledger:problem:" + type));
        problem.setTitle(status.getReasonPhrase());
        Map<String, String> error = new LinkedHashMap<>();
        if (field != null) {
            error.put("field", field);
        }
        error.put("rule", rule);
        error.put("message", detail);
        problem.setProperty("errors", List.of(error));
        return problem;
    }
}
