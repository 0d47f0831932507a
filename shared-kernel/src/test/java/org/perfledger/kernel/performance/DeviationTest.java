package org.perfledger.kernel.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.perfledger.kernel.money.Percentage;
import org.perfledger.kernel.performance.Deviation.Outcome;

/** 偏差率 and met / not met, with the figures of seed 001 (东湖 2018) where they exist. */
class DeviationTest {

    private static final Percentage TEN = new Percentage(BigDecimal.TEN);

    private static Deviation of(String target, String actual) {
        return Deviation.of(TargetParser.parse(target), actual == null ? null : TargetParser.parse(actual), null);
    }

    @Test
    void aCountAboveItsTargetIsMetWithAPositiveRate() {
        // 全年接处各申（投）诉平台各类诉求: 30000 件 → 33389 件, 偏差率 +11.3%
        Deviation deviation = of("30000 件", "33389 件");
        assertThat(deviation.outcome()).isEqualTo(Outcome.MET);
        assertThat(deviation.rate().rounded(1)).isEqualByComparingTo("11.3");
        assertThat(deviation.needsReason(TEN)).isTrue();
    }

    @Test
    void aRateBelowItsFloorIsNotMet() {
        // 全年案件结案率: 97.0% → 95.0%, 偏差率 -2.1%
        Deviation deviation = of("97.0%", "95.0%");
        assertThat(deviation.outcome()).isEqualTo(Outcome.NOT_MET);
        assertThat(deviation.rate().rounded(1)).isEqualByComparingTo("-2.1");
        assertThat(deviation.needsReason(TEN)).isTrue();
    }

    @Test
    void withinTheMarginAndMetNeedsNoReason() {
        // 食品监督抽检: 1800 批次 → 1817 批次, +0.9%
        assertThat(of("1800 批次", "1817 批次").needsReason(TEN)).isFalse();
    }

    @Test
    void zeroAccidentsAgainstACeilingOfZeroIsMetWithoutARate() {
        Deviation deviation = of("0 次", "0 次");
        assertThat(deviation.outcome()).isEqualTo(Outcome.MET);
        assertThat(deviation.rate()).isNull();
        assertThat(of("0 次", "1 次").outcome()).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    void aCompoundIsHeldPartByPart() {
        // seed 000: 38/583/39（件） → 53/1514/110: all met, the largest deviation is reported
        Deviation deviation = of("38/583/39（件）", "53/1514/110（件）");
        assertThat(deviation.outcome()).isEqualTo(Outcome.MET);
        assertThat(deviation.rate().rounded(2)).isEqualByComparingTo("182.05");
        assertThat(of("38/583/39（件）", "53/500/110（件）").outcome()).isEqualTo(Outcome.NOT_MET);
    }

    @Test
    void aQualitativeTargetIsMetByTheSameStatementOrAJudgement() {
        assertThat(of("有助于", "有助于").outcome()).isEqualTo(Outcome.MET);
        assertThat(of("合格", "基本合格").outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(Deviation.of(TargetParser.parse("合格"), TargetParser.parse("基本合格"),
                Achievement.PARTIALLY_ACHIEVED).outcome()).isEqualTo(Outcome.NOT_MET);
        assertThat(Deviation.of(TargetParser.parse("合格"), TargetParser.parse("基本合格"),
                Achievement.ACHIEVED).outcome()).isEqualTo(Outcome.MET);
    }

    @Test
    void somethingThatCannotBeComparedIsUnknownNeverMet() {
        // seed 003, 硚口 食品抽检: target 200 批次, "actual" 100% — not the target's kind
        Deviation deviation = of("200 批次", "100%");
        assertThat(deviation.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(deviation.reason()).contains("percentage");
        assertThat(of("200 批次", null).reason()).isEqualTo("no completion recorded");
    }
}
