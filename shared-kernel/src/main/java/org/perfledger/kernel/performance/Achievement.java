package org.perfledger.kernel.performance;

import java.util.List;
import org.perfledger.kernel.validation.Labelled;

/** How a department judges a qualitative indicator at a completion: 达成 / 部分达成 / 未达成. */
public enum Achievement implements Labelled {
    ACHIEVED("达成", "达成预期指标", "已达成"),
    PARTIALLY_ACHIEVED("部分达成", "部分达成预期指标"),
    NOT_ACHIEVED("未达成", "未达成预期指标");

    private final String label;
    private final List<String> aliases;

    Achievement(String label, String... aliases) {
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
