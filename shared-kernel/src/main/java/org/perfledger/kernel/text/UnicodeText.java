package org.perfledger.kernel.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;

/**
 * The one rule for text that is not valid Unicode (an unpaired UTF-16 surrogate, which JSON's {@code \ud800} escape
 * or a CESU-encoded byte sequence can carry into a Java string, but which UTF-8 cannot encode):
 * <ul>
 *   <li><b>At the door it is refused</b>: every text a request, token, header, workbook or imported log brings in
 *   must be {@link #isWellFormed well formed}; what is not is a 400/422 naming the field.</li>
 *   <li><b>On every read path it is repaired</b>: text already stored (an event store written before the rule, or
 *   edited behind the API) is read with each unpaired surrogate replaced by U+FFFD (�), so replays, rebuilds, views
 *   as of an instant, the event log, exports and the topic decoder never fail on it, and all of them show the same
 *   character. The stored bytes, and so the hash chain, stay as written.</li>
 * </ul>
 */
public final class UnicodeText {

    public static final char REPLACEMENT = '\uFFFD';

    private UnicodeText() {
    }

    /** Whether every surrogate in {@code text} is half of a pair. */
    public static boolean isWellFormed(CharSequence text) {
        return firstUnpaired(text) < 0;
    }

    /** The index of the first unpaired surrogate, or -1. */
    public static int firstUnpaired(CharSequence text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code text} with each unpaired surrogate replaced by U+FFFD; the same instance when there is none. */
    public static String repaired(String text) {
        if (text == null) {
            return null;
        }
        int first = firstUnpaired(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, first);
        for (int i = first, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(REPLACEMENT);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A Jackson module for read paths: every string and map key read is {@link #repaired}. */
    public static SimpleModule repairingModule() {
        SimpleModule module = new SimpleModule("perfledger-repairing-text");
        module.addDeserializer(String.class, new RepairingString());
        module.addKeyDeserializer(String.class, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext context) {
                return repaired(key);
            }
        });
        return module;
    }

    /** A node factory for read paths: every text node of a tree read is {@link #repaired}. */
    public static JsonNodeFactory repairingNodeFactory() {
        // exact decimals: a number keeps the decimals it was written with (27.70 stays 27.70), as the typed path does
        return new JsonNodeFactory(true) {
            @Override
            public TextNode textNode(String text) {
                return super.textNode(repaired(text));
            }
        };
    }

    private static final class RepairingString extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return repaired(super.deserialize(parser, context));
        }
    }
}
