package org.perfledger.command.platform;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.perfledger.kernel.text.UnicodeText;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Strict request JSON: a number or boolean where a string is expected is a wrong type, not something to coerce
 * (amounts travel as decimal strings so no client rounds them through a double). Unknown fields and duplicate keys
 * are refused by the properties in command-service.yml; so are null elements of lists and maps.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    /**
     * Text that is not valid Unicode (an unpaired surrogate, as {@code "x\\ud800y"} writes one) is refused wherever a
     * body carries it, values and map keys alike, naming the field ({@link UnicodeText}).
     */
    static SimpleModule wellFormedText() {
        SimpleModule module = new SimpleModule("perfledger-well-formed-text");
        module.addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String text = super.deserialize(parser, context);
                if (text != null && !UnicodeText.isWellFormed(text)) {
                    throw new MalformedText(parser);
                }
                return text;
            }
        });
        module.addKeyDeserializer(String.class, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext context) throws IOException {
                if (!UnicodeText.isWellFormed(key)) {
                    throw new MalformedText(context.getParser());
                }
                return key;
            }
        });
        return module;
    }

    /** A JSON string that is not valid Unicode; the problem handler names its field. */
    static final class MalformedText extends MismatchedInputException {
        MalformedText(JsonParser parser) {
            super(parser, "the text is not valid Unicode (an unpaired surrogate)");
        }
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictScalars() {
        return builder -> builder.postConfigurer(mapper -> {
            mapper.coercionConfigFor(LogicalType.Textual)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
            // [null] in a list or {"k": null} in a map is a malformed request, not an element to skip or trip over.
            mapper.configOverride(List.class).setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
            mapper.configOverride(Map.class).setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
            mapper.registerModule(wellFormedText());
        });
    }
}
