package org.perfledger.kernel.performance;

import java.util.List;
import org.perfledger.kernel.validation.Labelled;

/**
 * 一级指标. Projects use 产出 / 效益 / 满意度 (and 成本 in the newer templates); department-wide tables such as 如皋
 * 2023 add 内部管理 (共性指标) and 部门履职 (个性指标).
 */
public enum IndicatorLevel1 implements Labelled {
    OUTPUT("产出指标", "产出"),
    EFFECT("效益指标", "效益", "效果指标"),
    SATISFACTION("满意度指标", "满意度"),
    COST("成本指标", "成本"),
    MANAGEMENT("内部管理", "内部管理（共性指标）", "共性指标"),
    DUTIES("部门综合履职", "部门综合履职（个性指标）", "个性指标", "履职");

    private final String label;
    private final List<String> aliases;

    IndicatorLevel1(String label, String... aliases) {
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
