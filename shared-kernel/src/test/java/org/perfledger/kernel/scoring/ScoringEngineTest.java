package org.perfledger.kernel.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.perfledger.kernel.evaluation.Grade;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.performance.Achievement;
import org.perfledger.kernel.performance.TargetParser;
import org.perfledger.kernel.scoring.PlanFacts.IndicatorFacts;
import org.perfledger.kernel.scoring.Scorecard.IndicatorScore;
import org.perfledger.kernel.scoring.ScoringScheme.Band;
import org.perfledger.kernel.scoring.ScoringScheme.BudgetBase;
import org.perfledger.kernel.scoring.ScoringScheme.IndicatorRule;
import org.perfledger.kernel.scoring.ScoringScheme.RuleType;

class ScoringEngineTest {

    private static IndicatorFacts indicator(String code, String weight, String target, String actual) {
        return new IndicatorFacts(code, code, new BigDecimal(weight), TargetParser.parse(target),
                actual == null ? null : TargetParser.parse(actual), null);
    }

    private static IndicatorFacts judged(String code, String weight, String target, Achievement achievement) {
        return new IndicatorFacts(code, code, new BigDecimal(weight), TargetParser.parse(target), null, achievement);
    }

    private static PlanFacts plan(String initial, String adjusted, String executed, IndicatorFacts... indicators) {
        return new PlanFacts(WanYuan.of(initial), WanYuan.of(adjusted), WanYuan.of(executed), List.of(indicators));
    }

    /** Full marks on indicators worth {@code points} in total, as the seed tables often have. */
    private static List<IndicatorFacts> fullMarks(String prefix, int... weights) {
        List<IndicatorFacts> all = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            all.add(indicator(prefix + i, Integer.toString(weights[i]), "有助于", "有助于"));
        }
        return all;
    }

    private static PlanFacts plan(String initial, String adjusted, String executed, List<IndicatorFacts> first,
                                  IndicatorFacts... more) {
        List<IndicatorFacts> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return new PlanFacts(WanYuan.of(initial), WanYuan.of(adjusted), WanYuan.of(executed), all);
    }

    /** Seed 001, 东湖高新区 2018: execution 20 (over 年初预算, rate printed to 1 decimal), output 40, effect 40. */
    @Nested
    class Donghu2018 {

        private final ScoringScheme scheme = ScoringScheme.hubei(BudgetBase.INITIAL, 1);

        @Test
        void generalAffairsScores96Point25() {
            // 439.53 + 27.09 − 109.58 = 357.04 executed; 81.2% of 年初 439.53, 得 16.25 分; every indicator full
            Scorecard card = ScoringEngine.score(plan("439.53", "357.04", "357.04", fullMarks("i", 5, 5, 5, 5, 10, 10,
                    10, 10, 10, 10)), scheme);
            assertThat(card.execution().rateShown()).isEqualByComparingTo("81.2");
            assertThat(card.execution().score()).isEqualByComparingTo("16.25");
            assertThat(card.total()).isEqualByComparingTo("96.25");
            assertThat(card.grade()).isEqualTo(Grade.EXCELLENT);
        }

        @Test
        void businessAdministrationScores99Point79() {
            // 全年案件结案率 97.0% → 95.0%, 10 分 → 9.79, 偏差率 −2.1%
            Scorecard card = ScoringEngine.score(plan("93.00", "93.00", "93.00", fullMarks("i", 4, 4, 4, 4, 4, 5, 5,
                    10, 15, 15), indicator("JAL", "10", "97.0%", "95.0%")), scheme);
            assertThat(card.indicators().get(10).score()).isEqualByComparingTo("9.79");
            assertThat(card.indicators().get(10).deviationRate()).isEqualByComparingTo("-2.1");
            assertThat(card.total()).isEqualByComparingTo("99.79");
        }

        @Test
        void foodSafetyScores99Point94() {
            // 149.6 + 20.91 = 170.51 spent in full; 合格率 99.0% → 98.4%, 10 分 → 9.94; 快检 +41.3% full
            Scorecard card = ScoringEngine.score(plan("149.60", "170.51", "170.51", fullMarks("i", 5, 5, 5, 5, 5, 10,
                    20), indicator("KSJC", "5", "3500 批次", "4944 批次"), indicator("HGL", "10", "99.0%以上", "98.4%"),
                    indicator("SG", "10", "0 次", "0 次")), scheme);
            assertThat(card.execution().score()).as("114% of 年初, capped").isEqualByComparingTo("20.00");
            assertThat(card.indicators().get(7).deviationRate()).isEqualByComparingTo("41.3");
            assertThat(card.indicators().get(8).score()).isEqualByComparingTo("9.94");
            assertThat(card.total()).isEqualByComparingTo("99.94");
        }

        @Test
        void qualitySupervisionIsRecomputedFromItsPrintedWeights() {
            // 日常监管巡查 3000 → 2072 (4 分 → 2.76); 重点单位巡查 400 → 188 printed "设定分值 5 分" but 得 1.88 = 4 × 188/400.
            // With the printed weights the output part is worth 41, and the total comes to 97.11, not the reported 96.64.
            Scorecard card = ScoringEngine.score(plan("200.00", "200.00", "200.00", fullMarks("i", 4, 4, 4, 4, 8, 8,
                    10, 10, 20), indicator("RCXC", "4", "3000 台", "2072 台"), indicator("ZDXC", "5", "400 家", "188 家")),
                    scheme);
            assertThat(card.indicators().get(9).score()).isEqualByComparingTo("2.76");
            assertThat(card.indicators().get(9).deviationRate()).isEqualByComparingTo("-30.9");
            assertThat(card.indicators().get(10).score()).isEqualByComparingTo("2.35");
            assertThat(card.maxTotal()).isEqualByComparingTo("101");
            assertThat(card.flags()).contains("the weights add up to 101, not 100");
            assertThat(card.total()).isEqualByComparingTo("97.11");
            assertThat(Verdict.of(new BigDecimal("96.64"), card.total(), "sum").kind()).isEqualTo(Verdict.Kind.DIFFERENT);
            assertThat(Verdict.of(new BigDecimal("1.88"), card.indicators().get(10).exact(), "5 × 188 / 400").kind())
                    .isEqualTo(Verdict.Kind.DIFFERENT);
        }
    }

    /** Seed 003, 硚口区 2020: 20 分 × 执行率 (to 2 decimals) + 80 分 of indicators. */
    @Nested
    class Qiaokou2020 {

        private final ScoringScheme scheme = ScoringScheme.hubei(BudgetBase.INITIAL, 2);

        private Scorecard fullIndicators(String budget, String executed) {
            return ScoringEngine.score(plan(budget, budget, executed, fullMarks("i", 20, 20, 20, 20)), scheme);
        }

        @Test
        void reproducesTheExecutionScoresOfItsProjects() {
            record Row(String budget, String executed, String rate, String score, String total) {
            }
            for (Row row : List.of(new Row("121.75", "33.73", "27.70", "5.54", "85.54"),
                    new Row("70.67", "33.29", "47.11", "9.42", "89.42"),
                    new Row("18.00", "6.70", "37.22", "7.44", "87.44"),
                    new Row("113.22", "82.24", "72.64", "14.53", "94.53"),
                    new Row("415.05", "334.55", "80.60", "16.12", "96.12"),
                    new Row("22.49", "5.58", "24.81", "4.96", "84.96"),
                    new Row("3.00", "0.02", "0.67", "0.13", "80.13"),
                    new Row("20.00", "17.00", "85.00", "17.00", "97.00"),
                    new Row("233.75", "204.78", "87.61", "17.52", "97.52"))) {
                Scorecard card = fullIndicators(row.budget(), row.executed());
                assertThat(card.execution().rateShown()).as(row.toString()).isEqualByComparingTo(row.rate());
                assertThat(card.execution().score()).as(row.toString()).isEqualByComparingTo(row.score());
                assertThat(card.total()).as(row.toString()).isEqualByComparingTo(row.total());
            }
        }

        @Test
        void aRatePrintedByTruncationIsARoundingNotAMistake() {
            // 蔬菜农残快检: 85.7 / 146 = 58.6986…% printed 58.69%; 食品药品执法大队: 43.11 / 66.89 printed 64.44%, 得 12.88
            Scorecard vegetables = fullIndicators("146.00", "85.70");
            assertThat(Verdict.of(new BigDecimal("58.69"), vegetables.execution().rate(), "rate").kind())
                    .isEqualTo(Verdict.Kind.ROUNDING);
            assertThat(vegetables.execution().score()).isEqualByComparingTo("11.74");
            Scorecard brigade = fullIndicators("66.89", "43.11");
            assertThat(Verdict.of(new BigDecimal("64.44"), brigade.execution().rate(), "rate").kind())
                    .isEqualTo(Verdict.Kind.ROUNDING);
            assertThat(Verdict.of(new BigDecimal("12.88"), brigade.execution().exact(), "score").kind())
                    .isEqualTo(Verdict.Kind.ROUNDING);
        }

        @Test
        void executionAboveAHundredPercentIsCappedNeverStoredCapped() {
            // 部门整体: 8488.43 → 10269.28 = 120.98%, printed 121%, 得 20
            Scorecard card = fullIndicators("8488.43", "10269.28");
            assertThat(card.execution().rate()).isGreaterThan(new BigDecimal("120.97"));
            assertThat(card.execution().score()).isEqualByComparingTo("20.00");
            assertThat(card.execution().formula()).contains("capped at 100%");
            assertThat(Verdict.of(new BigDecimal("121"), card.execution().rate(), "rate").kind())
                    .isEqualTo(Verdict.Kind.REPRODUCED);
        }

        @Test
        void aZeroBudgetWithSpendingIsUnscorableNotAHundredPercent() {
            // 病虫害控制: 预算数 0, 执行数 1, printed 100% and 20 分
            Scorecard card = fullIndicators("0.00", "1.00");
            assertThat(card.execution().rate()).isNull();
            assertThat(card.execution().score()).isEqualByComparingTo("0");
            assertThat(card.execution().unscorable()).contains("of 0 with 1.00 spent");
            assertThat(card.flags()).anyMatch(flag -> flag.startsWith("执行率"));
            assertThat(Verdict.of(new BigDecimal("20"), null, card.execution().unscorable()).kind())
                    .isEqualTo(Verdict.Kind.CANNOT_CHECK);
        }

        @Test
        void aHundredPercentExecutionPrintedAsSeventeenIsFlagged() {
            // 政府购岗人员: 187 / 187 = 100%, printed 得分 17
            Scorecard card = fullIndicators("187.00", "187.00");
            assertThat(Verdict.of(new BigDecimal("17"), card.execution().exact(), "20 × 执行率").kind())
                    .isEqualTo(Verdict.Kind.DIFFERENT);
        }

        @Test
        void aCountAgainstAPercentageCannotBeScored() {
            // 食品药品执法大队 食品抽检: target 200 批次, 实际完成值 100%
            IndicatorScore score = ScoringEngine.indicator(indicator("CJ", "20", "200 批次", "100%"), scheme);
            assertThat(score.score()).isEqualByComparingTo("0");
            assertThat(score.unscorable()).contains("not of the target's kind");
        }
    }

    @Nested
    class Rules {

        private final ScoringScheme scheme = ScoringScheme.hubei(BudgetBase.ADJUSTED, 2);

        @Test
        void proportionalIsCappedAtTheWeight() {
            assertThat(ScoringEngine.indicator(indicator("a", "10", "100", "150"), scheme).score())
                    .isEqualByComparingTo("10.00");
            assertThat(ScoringEngine.indicator(indicator("a", "10", "100", "150"), scheme).deviationRate())
                    .isEqualByComparingTo("50.00");
            assertThat(ScoringEngine.indicator(indicator("a", "10", "100", "33"), scheme).score())
                    .isEqualByComparingTo("3.30");
        }

        @Test
        void aTargetOfZeroWhereHigherIsBetterIsUnscorable() {
            IndicatorScore score = ScoringEngine.indicator(indicator("a", "10", "≥0", "5"), scheme);
            assertThat(score.unscorable()).contains("target of 0 where higher is better");
        }

        @Test
        void aMissingActualIsUnscorable() {
            IndicatorScore score = ScoringEngine.indicator(indicator("a", "10", "100%", null), scheme);
            assertThat(score.score()).isEqualByComparingTo("0");
            assertThat(score.unscorable()).isEqualTo("no actual value (实际完成值) recorded");
        }

        @Test
        void reverseRewardsStayingWithinTheCeiling() {
            assertThat(ScoringEngine.indicator(indicator("a", "10", "0 次", "0 次"), scheme).score())
                    .isEqualByComparingTo("10.00");
            assertThat(ScoringEngine.indicator(indicator("a", "10", "重大事故 0 次", "1 次"), scheme).score())
                    .isEqualByComparingTo("0.00");
            assertThat(ScoringEngine.indicator(indicator("a", "10", "5 个工作日", "4 个工作日"), scheme).score())
                    .isEqualByComparingTo("10.00");
            assertThat(ScoringEngine.indicator(indicator("a", "10", "≤5", "8"), scheme).score())
                    .isEqualByComparingTo("6.25");
        }

        @Test
        void qualitativeEarnsFullPartOrNothing() {
            assertThat(ScoringEngine.indicator(judged("a", "10", "合格", Achievement.ACHIEVED), scheme).score())
                    .isEqualByComparingTo("10.00");
            assertThat(ScoringEngine.indicator(judged("a", "10", "合格", Achievement.PARTIALLY_ACHIEVED), scheme).score())
                    .isEqualByComparingTo("5.00");
            assertThat(ScoringEngine.indicator(judged("a", "10", "合格", Achievement.NOT_ACHIEVED), scheme).score())
                    .isEqualByComparingTo("0.00");
            assertThat(ScoringEngine.indicator(indicator("a", "10", "按标准发放", "按标准发放"), scheme).score())
                    .isEqualByComparingTo("10.00");
            assertThat(ScoringEngine.indicator(indicator("a", "10", "合格", "基本合格"), scheme).unscorable())
                    .contains("needs a judgement");
        }

        @Test
        void aCompoundEarnsTheMeanOfItsParts() {
            // seed 000: 38/583/39（件） → 53/1514/110: every part above target
            assertThat(ScoringEngine.indicator(indicator("a", "9", "38/583/39（件）", "53/1514/110（件）"), scheme)
                    .score()).isEqualByComparingTo("9.00");
            assertThat(ScoringEngine.indicator(indicator("a", "9", "10/10/10", "5/10/10"), scheme).score())
                    .isEqualByComparingTo("7.50");
        }

        @Test
        void bandsScoreAShortfallInSteps() {
            // 如皋 2023: 定量包装商品销售企业监督检查数 20家以上 → 13家 (65%), 3 分 → 1 分; 预算执行率 100% → 93.58%, 2 分 → 1 分
            ScoringScheme rugao = new ScoringScheme(null, BigDecimal.valueOf(50),
                    List.of(new Band(new BigDecimal("80"), new BigDecimal("66.6667")),
                            new Band(new BigDecimal("60"), new BigDecimal("33.3333"))),
                    Map.of("YSZX", new IndicatorRule(RuleType.BANDED, List.of(
                            new Band(new BigDecimal("95"), new BigDecimal("100")),
                            new Band(new BigDecimal("90"), new BigDecimal("50"))))),
                    ScoringScheme.defaultGrades(), new ScoringScheme.Precision(2, 2));
            assertThat(ScoringEngine.indicator(indicator("DLBZ", "3", "20家以上", "13家"), rugao).score())
                    .isEqualByComparingTo("1.00");
            assertThat(ScoringEngine.indicator(indicator("YSZX", "2", "100%", "93.58%"), rugao).score())
                    .isEqualByComparingTo("1.00");
            assertThat(ScoringEngine.indicator(indicator("DLBZ", "3", "20家以上", "25家"), rugao).score())
                    .isEqualByComparingTo("3.00");
            assertThat(ScoringEngine.indicator(indicator("DLBZ", "3", "20家以上", "10家"), rugao).score())
                    .isEqualByComparingTo("0.00");
        }

        @Test
        void theExecutionRateDividesByTheBudgetTheSchemeNames() {
            PlanFacts facts = plan("439.53", "357.04", "357.04");
            assertThat(ScoringEngine.score(facts, ScoringScheme.hubei(BudgetBase.INITIAL, 2)).execution().rateShown())
                    .isEqualByComparingTo("81.23");
            assertThat(ScoringEngine.score(facts, ScoringScheme.hubei(BudgetBase.ADJUSTED, 2)).execution().rateShown())
                    .isEqualByComparingTo("100.00");
            assertThat(ScoringEngine.score(facts, ScoringScheme.ministryOfFinance2020()).execution().score())
                    .isEqualByComparingTo("10.00");
        }

        @Test
        void gradesFollowTheBands() {
            assertThat(ScoringEngine.grade(new BigDecimal("90.00"), scheme)).isEqualTo(Grade.EXCELLENT);
            assertThat(ScoringEngine.grade(new BigDecimal("89.99"), scheme)).isEqualTo(Grade.GOOD);
            assertThat(ScoringEngine.grade(new BigDecimal("60.00"), scheme)).isEqualTo(Grade.FAIR);
            assertThat(ScoringEngine.grade(new BigDecimal("59.99"), scheme)).isEqualTo(Grade.POOR);
        }

        @Test
        void scoresAreRoundedFromTheUnroundedRateNeverFromTheShownOne() {
            // 0.02 / 3 = 0.6666…%: 20 × 0.006666… = 0.1333 → 0.13; from the shown 0.67% it would be 0.134 → 0.13 as well,
            // but 16.25 in 东湖 needs the unrounded 81.2331…% (20 × 81.2% = 16.24)
            Scorecard card = ScoringEngine.score(plan("439.53", "439.53", "357.04"), ScoringScheme.hubei(BudgetBase.INITIAL, 1));
            assertThat(card.execution().score()).isEqualByComparingTo("16.25");
        }
    }

    /** A table that prints 得分 but no 分值 (硚口 2020): an unset weight is not 0, and nothing is made up for it. */
    @Nested
    class WeightsNotPrinted {

        private final ScoringScheme scheme = ScoringScheme.hubei(BudgetBase.INITIAL, 2);

        private IndicatorFacts unweighted(String code) {
            return new IndicatorFacts(code, code, null, TargetParser.parse("100%"), TargetParser.parse("100%"), null);
        }

        @Test
        void anIndicatorWithoutAWeightHasNoScoreAndTheTotalSaysItIsIncomplete() {
            Scorecard card = ScoringEngine.score(plan("187", "187", "187", unweighted("A"), unweighted("B"),
                    indicator("C", "30", "100%", "100%")), scheme);
            assertThat(card.unweighted()).isEqualTo(2);
            IndicatorScore a = card.indicators().get(0);
            assertThat(a.weight()).isNull();
            assertThat(a.score()).isNull();
            assertThat(a.exact()).isNull();
            assertThat(a.unscorable()).isEqualTo(ScoringEngine.NO_WEIGHT);
            // 20 for execution and 30 for C: the parts that have a weight, nothing for A and B
            assertThat(card.total()).isEqualByComparingTo("50");
            assertThat(card.maxTotal()).isEqualByComparingTo("50");
            assertThat(card.flags()).containsExactly("2 of 3 indicators have no 分值 (weight) set: they are not scored, "
                    + "and the 总分 covers only the parts that have one");
        }

        @Test
        void aWeightOfZeroIsAWeightAndCountsAsSet() {
            Scorecard card = ScoringEngine.score(plan("187", "187", "187", indicator("A", "0", "100%", "100%")), scheme);
            assertThat(card.unweighted()).isZero();
            assertThat(card.indicators().get(0).score()).isEqualByComparingTo("0");
            assertThat(card.flags()).containsExactly("the weights add up to 20, not 100");
        }
    }
}
