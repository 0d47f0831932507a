package org.perfledger.query.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.perfledger.kernel.event.EventEnvelopeCodec;

/**
 * The JSON a read-model row holds (typed values, lists, indicators of a report), read with the kernel's mapper. The
 * projections wrote it, so a row that does not read is a fault of the service, not of a request.
 */
public final class RowJson {

    private static final ObjectMapper JSON = EventEnvelopeCodec.mapper();

    private RowJson() {
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a read model row holds unreadable JSON", e);
        }
    }

    public static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a read model row holds unreadable JSON", e);
        }
    }
}
