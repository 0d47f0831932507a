package org.perfledger.command.planning;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.perfledger.command.platform.RequestMetadata;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The answer to a plan command: the plan, its new version (also the ETag, for the next {@code If-Match}), the
 * command's figures and the request's correlation id.
 */
public final class PlanResponses {

    private PlanResponses() {
    }

    public static ResponseEntity<Map<String, Object>> created(Receipt receipt, RequestMetadata request, String location) {
        return respond(HttpStatus.CREATED, receipt, request, location);
    }

    public static ResponseEntity<Map<String, Object>> ok(Receipt receipt, RequestMetadata request) {
        return respond(HttpStatus.OK, receipt, request, null);
    }

    private static ResponseEntity<Map<String, Object>> respond(HttpStatus status, Receipt receipt,
                                                               RequestMetadata request, String location) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("plan", receipt.plan());
        body.put("version", receipt.version());
        body.putAll(receipt.facts());
        body.put("correlationId", request.correlationId());
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status).eTag("\"" + receipt.version() + "\"");
        if (location != null) {
            builder.location(URI.create(location));
        }
        return builder.body(body);
    }
}
