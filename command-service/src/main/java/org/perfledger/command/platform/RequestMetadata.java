package org.perfledger.command.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import org.perfledger.kernel.event.EventMetadata;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.security.Caller;

/**
 * Who sent a request (from their token), for which district, under which correlation id, and the client's
 * idempotency key if it sent one: the metadata of every event the request causes.
 */
public record RequestMetadata(DistrictId district, Caller caller, String correlationId, String idempotencyKey) {

    /** The metadata of a request that creates the district it names (onboarding), which its path cannot name. */
    public RequestMetadata forDistrict(DistrictId created) {
        if (district != null) {
            throw new IllegalStateException("the request already acts in district " + district);
        }
        return new RequestMetadata(created, caller, correlationId, idempotencyKey);
    }

    public String actor() {
        return caller.subject();
    }

    public Map<String, String> asEventMetadata() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(EventMetadata.DISTRICT, district.value());
        metadata.put(EventMetadata.ACTOR, caller.subject());
        metadata.put(EventMetadata.ROLE, caller.rolesText());
        metadata.put(EventMetadata.CORRELATION_ID, correlationId);
        if (idempotencyKey != null) {
            metadata.put(EventMetadata.IDEMPOTENCY_KEY, idempotencyKey);
        }
        return metadata;
    }
}
