package org.perfledger.kernel.performance;

import java.util.List;
import java.util.Set;
import org.perfledger.kernel.validation.Labelled;

/** 二级指标, each allowed under some 一级指标 only. */
public enum IndicatorLevel2 implements Labelled {
    QUANTITY("数量指标", Set.of(IndicatorLevel1.OUTPUT, IndicatorLevel1.DUTIES), "数量"),
    QUALITY("质量指标", Set.of(IndicatorLevel1.OUTPUT, IndicatorLevel1.DUTIES), "质量"),
    TIMELINESS("时效指标", Set.of(IndicatorLevel1.OUTPUT, IndicatorLevel1.DUTIES), "时效"),
    COST("成本指标", Set.of(IndicatorLevel1.OUTPUT, IndicatorLevel1.COST), "成本", "经济成本指标"),
    ECONOMIC("经济效益指标", Set.of(IndicatorLevel1.EFFECT), "经济效益"),
    SOCIAL("社会效益指标", Set.of(IndicatorLevel1.EFFECT, IndicatorLevel1.DUTIES), "社会效益"),
    ECOLOGICAL("生态效益指标", Set.of(IndicatorLevel1.EFFECT), "生态效益", "环境效益指标", "环境效益"),
    SUSTAINABLE("可持续影响指标", Set.of(IndicatorLevel1.EFFECT), "可持续影响", "可持续发展影响指标"),
    // under 效益指标 in the 2018 framework (东湖 2018: 社会公众或服务对象满意度指标 is the third 效益指标)
    SERVICE_SATISFACTION("服务对象满意度指标", Set.of(IndicatorLevel1.SATISFACTION, IndicatorLevel1.DUTIES,
            IndicatorLevel1.EFFECT),
            "服务对象满意度", "社会公众或服务对象满意度指标", "满意度指标"),
    FINANCIAL_MANAGEMENT("财务管理", Set.of(IndicatorLevel1.MANAGEMENT)),
    PERSONNEL_MANAGEMENT("人员管理", Set.of(IndicatorLevel1.MANAGEMENT)),
    ASSET_MANAGEMENT("资产管理", Set.of(IndicatorLevel1.MANAGEMENT)),
    OTHER_MANAGEMENT("其他管理", Set.of(IndicatorLevel1.MANAGEMENT), "其他"),
    DUTY_PERFORMANCE("履职指标", Set.of(IndicatorLevel1.DUTIES), "履职");

    private final String label;
    private final Set<IndicatorLevel1> parents;
    private final List<String> aliases;

    IndicatorLevel2(String label, Set<IndicatorLevel1> parents, String... aliases) {
        this.label = label;
        this.parents = parents;
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

    public boolean belongsTo(IndicatorLevel1 level1) {
        return parents.contains(level1);
    }
}
