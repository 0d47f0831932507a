package org.perfledger.kernel.performance;

import java.util.List;
import org.perfledger.kernel.validation.Labelled;

/**
 * Which way an indicator's value is better, stated where the target's sign does not say it: a 排名 whose table prints
 * "≥4" means 第4名 or better, a rank of 4 or less. Stated, it decides how the target is read ({@link
 * Target#directed}); not stated, the target's own sign does (≥ more is better, ≤ less).
 */
public enum Direction implements Labelled {
    HIGHER_IS_BETTER("越高越好", "越大越好", "正向"),
    LOWER_IS_BETTER("越低越好", "越小越好", "反向");

    private final String label;
    private final List<String> aliases;

    Direction(String label, String... aliases) {
        this.label = label;
        this.aliases = List.of(aliases);
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public List<String> aliases() {
        return aliases;
    }
}
