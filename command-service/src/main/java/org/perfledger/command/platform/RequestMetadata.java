package org.perfledger.command.platform;

import java.util.Map;
import org.perfledger.kernel.event.EventMetadata;
import org.perfledger.kernel.organisation.DistrictId;

/** Who sent a request, for which district, under which correlation id: the metadata of every event it causes. */
public record RequestMetadata(DistrictId district, String actor, String correlationId) {

    public Map<String, String> asEventMetadata() {
        return Map.of(
                EventMetadata.DISTRICT, district.value(),
                EventMetadata.ACTOR, actor,
                EventMetadata.CORRELATION_ID, correlationId);
    }
}
