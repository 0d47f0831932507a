package org.perfledger.command.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import org.perfledger.kernel.organisation.FiscalYear;
import org.springframework.http.ResponseEntity;

/** The answer to district finance setting a versioned setting of a year (a scheme, thresholds): the version in force. */
public final class SettingResponses {

    private SettingResponses() {
    }

    /** {@code named}: what else names the setting (its kind), in order; the version is also the ETag. */
    public static ResponseEntity<Map<String, Object>> versioned(RequestMetadata request, FiscalYear year,
                                                                Map<String, Object> named, int version) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("district", request.district().value());
        answer.put("year", year.value());
        answer.putAll(named);
        answer.put("version", version);
        answer.put("correlationId", request.correlationId());
        return ResponseEntity.ok().eTag("\"" + version + "\"").body(answer);
    }
}
