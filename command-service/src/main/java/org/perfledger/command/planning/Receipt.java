package org.perfledger.command.planning;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a plan command answers: the plan, its version after the command (the ETag for the next {@code If-Match}), and
 * the figures the command produced (e.g. the budget from → to). Plain strings so a replayed answer to a retried
 * request ({@code Idempotency-Key}) is byte for byte the first one.
 */
public record Receipt(String plan, long version, Map<String, String> facts) {

    public Receipt {
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    public static Receipt of(String plan, long version, Object... pairs) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                facts.put((String) pairs[i], pairs[i + 1].toString());
            }
        }
        return new Receipt(plan, version, facts);
    }
}
