package org.perfledger.command.eventstore;

import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.perfledger.kernel.event.EventCatalog;

/**
 * Axon's Jackson serializer, storing events under their stable names from the {@link EventCatalog} (e.g.
 * {@code DepartmentBudgetAdjusted}, revision {@code 1}) instead of Java class names, so stored history survives a
 * refactoring and the relay can publish the name as it is. Anything else (metadata) keeps its class name.
 */
public class StableNameSerializer extends JacksonSerializer {

    protected StableNameSerializer(Builder builder) {
        super(builder);
    }

    public static StableNameSerializer create(com.fasterxml.jackson.databind.ObjectMapper objectMapper,
                                              RevisionResolver revisionResolver) {
        return new StableNameSerializer(JacksonSerializer.builder()
                .objectMapper(objectMapper)
                .revisionResolver(revisionResolver));
    }

    @Override
    public SerializedType typeForClass(Class type) {
        if (type != null && EventCatalog.contains(type)) {
            return new SimpleSerializedType(EventCatalog.nameOf(type), getRevisionResolver().revisionOf(type));
        }
        return super.typeForClass(type);
    }

    @Override
    protected String resolveClassName(SerializedType serializedType) {
        return EventCatalog.classOf(serializedType.getName())
                .<String>map(Class::getName)
                .orElseGet(() -> super.resolveClassName(serializedType));
    }
}
