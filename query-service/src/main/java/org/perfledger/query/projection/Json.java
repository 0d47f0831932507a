package org.perfledger.query.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.perfledger.kernel.event.EventEnvelopeCodec;

/** A value of a JSON(B) column: the JSON text, written as the kernel's mapper writes an event's part. */
public record Json(String text) {

    public static Json of(Object value) {
        try {
            return new Json(EventEnvelopeCodec.mapper().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored event's part could not be written as JSON", e);
        }
    }
}
