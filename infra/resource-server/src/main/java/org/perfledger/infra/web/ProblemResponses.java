package org.perfledger.infra.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Refusals that happen before a request reaches the application, as {@code application/problem+json} like every other
 * refusal, never a server's HTML page: what Tomcat refuses itself (a path with {@code %2F} or {@code %00}, a path or
 * header past its limits, TRACE) and what Spring Security's firewall refuses ({@code %2e%2e}, {@code ;} parameters,
 * unknown methods), which is a 400, not the 401 an error dispatch without a token would give. Both services import it.
 */
@Configuration(proxyBeanMethods = false)
public class ProblemResponses {

    static final String TYPE_BASE = "urn:perfledger:problem:";

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    /** The firewall's refusal, written at once (no error dispatch, which would run the security chain again). */
    @Bean
    RequestRejectedHandler problemForRejectedRequests() {
        return (request, response, rejected) -> {
            if (!response.isCommitted()) {
                write(response, HttpStatus.BAD_REQUEST, "request-rejected", "the request's URL or method is not "
                        + "accepted: an encoded slash, '..', a ';' parameter, a control character or an unknown "
                        + "method");
            }
        };
    }

    /**
     * Where the servlet container sends an error (a filter's or Tomcat's {@code sendError}): the status as
     * problem+json, in place of Spring Boot's own error document. The security chains let error dispatches through.
     * (A member of this configuration, so importing it registers this controller too.)
     */
    @RestController
    static class ProblemErrorController implements ErrorController {
        @RequestMapping("/error")
        ResponseEntity<String> error(HttpServletRequest request) {
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                    ? HttpStatus.resolve(value) : HttpStatus.INTERNAL_SERVER_ERROR;
            String type = status.is5xxServerError() ? "internal" : "http-" + status.value();
            String detail = status.is5xxServerError() ? "the request could not be completed; nothing was stored"
                    : status.getReasonPhrase();
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(body(status, type, detail));
        }
    }

    static void write(HttpServletResponse response, HttpStatus status, String type, String detail)
            throws IOException {
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body(status, type, detail));
        response.flushBuffer();
    }

    /** A problem document; every value is ours (no request text), so escaping quotes and backslashes suffices. */
    static String body(HttpStatus status, String type, String detail) {
        return "{\"type\":\"" + TYPE_BASE + type + "\",\"title\":\"" + json(status.getReasonPhrase())
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + json(detail) + "\",\"errors\":[{\"rule\":\""
                + type + "\",\"message\":\"" + json(detail) + "\"}]}";
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** Tomcat's error report as problem+json: the status it chose, and no server details. */
    public static class ProblemReportValve extends ErrorReportValve {

        public ProblemReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int code = response.getStatus();
            if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus status = HttpStatus.resolve(code);
            if (status == null) {
                status = HttpStatus.BAD_REQUEST;
            }
            String detail = switch (status) {
                case BAD_REQUEST -> "the request is malformed: its URL, headers or encoding are not accepted";
                case REQUEST_HEADER_FIELDS_TOO_LARGE -> "the request's headers are too large";
                case URI_TOO_LONG -> "the request's URL is too long";
                case METHOD_NOT_ALLOWED -> "this method is not accepted here";
                case PAYLOAD_TOO_LARGE -> "the request body is too large";
                default -> status.getReasonPhrase();
            };
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.getReporter().write(body(status, status.is5xxServerError() ? "internal"
                        : "http-" + status.value(), detail));
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // the connection is gone; nothing more to say
            }
        }
    }
}
