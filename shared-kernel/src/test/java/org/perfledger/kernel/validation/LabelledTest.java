package org.perfledger.kernel.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.perfledger.kernel.budget.AdjustmentKind;
import org.perfledger.kernel.budget.FundingSource;
import org.perfledger.kernel.performance.IndicatorLevel1;
import org.perfledger.kernel.performance.IndicatorLevel2;
import org.perfledger.kernel.plan.ProjectType;

class LabelledTest {

    @Test
    void readsTheLabelsAndSpellingsOfTheTables() {
        assertThat(Labelled.parse(IndicatorLevel1.class, "产出指标", "r", "level1")).isEqualTo(IndicatorLevel1.OUTPUT);
        assertThat(Labelled.parse(IndicatorLevel2.class, "环境效益指标", "r", "level2"))
                .isEqualTo(IndicatorLevel2.ECOLOGICAL);
        assertThat(Labelled.parse(IndicatorLevel2.class, "可持续发展影响指标", "r", "level2"))
                .isEqualTo(IndicatorLevel2.SUSTAINABLE);
        assertThat(Labelled.parse(FundingSource.class, "区级公共预算财政拨款", "r", "source"))
                .isEqualTo(FundingSource.GENERAL_PUBLIC_BUDGET);
        assertThat(Labelled.parse(AdjustmentKind.class, "新增", "r", "kind")).isEqualTo(AdjustmentKind.SUPPLEMENT);
        assertThat(Labelled.parse(ProjectType.class, "常年性", "r", "type")).isEqualTo(ProjectType.RECURRING);
        assertThat(Labelled.parse(ProjectType.class, "one_off", "r", "type")).isEqualTo(ProjectType.ONE_OFF);
    }

    @Test
    void anUnknownValueNamesEveryAcceptedOne() {
        assertThatThrownBy(() -> Labelled.parse(AdjustmentKind.class, "挪用", "value.unknown", "kind"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.rule()).isEqualTo("value.unknown"))
                .hasMessageContaining("追加 (SUPPLEMENT)").hasMessageContaining("调减 (REDUCTION)")
                .hasMessageContaining("'挪用'");
    }

    @Test
    void everySecondLevelBelongsToAFirstLevel() {
        for (IndicatorLevel2 level2 : IndicatorLevel2.values()) {
            assertThat(IndicatorLevel1.values()).as(level2.label()).anyMatch(level2::belongsTo);
        }
        assertThat(IndicatorLevel2.QUANTITY.belongsTo(IndicatorLevel1.SATISFACTION)).isFalse();
    }
}
