package org.perfledger.kernel.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.perfledger.kernel.performance.TargetValue.Compound;
import org.perfledger.kernel.performance.TargetValue.Qualitative;
import org.perfledger.kernel.performance.TargetValue.Quantity;
import org.perfledger.kernel.validation.InvalidValueException;

/**
 * Every target value (年初目标值) printed in the five seed documents, each with the reading it must get, and the
 * malformed forms that must be refused with a message that says what was expected.
 */
class TargetParserTest {

    private static Arguments quantity(String text, Comparator comparator, String value, String unit) {
        return Arguments.of(text, new Quantity(comparator, new BigDecimal(value), false, unit, ""));
    }

    private static Arguments percent(String text, Comparator comparator, String value) {
        return Arguments.of(text, new Quantity(comparator, new BigDecimal(value), true, "", ""));
    }

    private static Arguments subject(String text, Comparator comparator, String value, boolean percent, String unit,
                                     String subject) {
        return Arguments.of(text, new Quantity(comparator, new BigDecimal(value), percent, unit, subject));
    }

    private static Arguments statement(String text) {
        return Arguments.of(text, new Qualitative(text));
    }

    static Stream<Arguments> seedTargets() {
        return Stream.of(
                // 000 武汉市蔡甸区 2020 部门整体绩效自评表
                Arguments.of("38/583/39（件）", new Compound(List.of(new BigDecimal("38"), new BigDecimal("583"),
                        new BigDecimal("39")), "件")),
                percent("100%", Comparator.AT_LEAST, "100"),
                percent("80%", Comparator.AT_LEAST, "80"),
                percent("85%以上", Comparator.AT_LEAST, "85"),
                percent("95%以上", Comparator.AT_LEAST, "95"),
                quantity("367", Comparator.AT_LEAST, "367", ""),
                quantity("101", Comparator.AT_LEAST, "101", ""),
                quantity("25", Comparator.AT_LEAST, "25", ""),
                quantity("6542", Comparator.AT_LEAST, "6542", ""),
                quantity("不少于2次", Comparator.AT_LEAST, "2", "次"),
                subject("全年抽查总量比例不低于企业市场主体总量的3%", Comparator.AT_LEAST, "3", true, "",
                        "全年抽查总量比例不低于企业市场主体总量的"),
                statement("保障到位"),
                // 001 东湖高新区 2018 项目绩效自评报告 (targets as the reports write them)
                quantity("4 次", Comparator.AT_LEAST, "4", "次"),
                quantity("37 家", Comparator.AT_LEAST, "37", "家"),
                quantity("30000 件", Comparator.AT_LEAST, "30000", "件"),
                percent("100.0%", Comparator.AT_LEAST, "100.0"),
                percent("70.0%以上", Comparator.AT_LEAST, "70.0"),
                quantity("20000 份", Comparator.AT_LEAST, "20000", "份"),
                quantity("1 次", Comparator.AT_LEAST, "1", "次"),
                quantity("200 人左右", Comparator.ABOUT, "200", "人"),
                quantity("20 次", Comparator.AT_LEAST, "20", "次"),
                quantity("11 份", Comparator.AT_LEAST, "11", "份"),
                quantity("8 次", Comparator.AT_LEAST, "8", "次"),
                percent("97.0%", Comparator.AT_LEAST, "97.0"),
                percent("86.0%", Comparator.AT_LEAST, "86.0"),
                quantity("0 次", Comparator.AT_MOST, "0", "次"),
                subject("重大事故 0 次", Comparator.AT_MOST, "0", false, "次", "重大事故"),
                quantity("5000 份", Comparator.AT_LEAST, "5000", "份"),
                quantity("3500 批次", Comparator.AT_LEAST, "3500", "批次"),
                quantity("1800 批次", Comparator.AT_LEAST, "1800", "批次"),
                quantity("30 家", Comparator.AT_LEAST, "30", "家"),
                quantity("11 个", Comparator.AT_LEAST, "11", "个"),
                percent("99.0%以上", Comparator.AT_LEAST, "99.0"),
                percent("80.0%以上", Comparator.AT_LEAST, "80.0"),
                quantity("3000 台", Comparator.AT_LEAST, "3000", "台"),
                quantity("400 家", Comparator.AT_LEAST, "400", "家"),
                quantity("1000 起", Comparator.AT_LEAST, "1000", "起"),
                quantity("30 次", Comparator.AT_LEAST, "30", "次"),
                quantity("10 个以上", Comparator.AT_LEAST, "10", "个"),
                statement("完成一栋办公楼装修"),
                statement("合格"),
                statement("达成预期指标"),
                statement("区内传销活动明显减少"),
                // 002 如皋市 2023 部门整体支出绩效自评价表
                statement("健全"),
                statement("合规"),
                statement("序时合理"),
                statement("严格"),
                statement("规范"),
                statement("及时公开"),
                percent("90%以上", Comparator.AT_LEAST, "90"),
                quantity("700件", Comparator.AT_LEAST, "700", "件"),
                quantity("10家以上", Comparator.AT_LEAST, "10", "家"),
                quantity("4家以上", Comparator.AT_LEAST, "4", "家"),
                quantity("5万批次以上", Comparator.AT_LEAST, "50000", "批次"),
                quantity("6个", Comparator.AT_LEAST, "6", "个"),
                quantity("3家", Comparator.AT_LEAST, "3", "家"),
                quantity("150批次以上", Comparator.AT_LEAST, "150", "批次"),
                quantity("20家以上", Comparator.AT_LEAST, "20", "家"),
                quantity("1家以上", Comparator.AT_LEAST, "1", "家"),
                quantity("4家", Comparator.AT_LEAST, "4", "家"),
                quantity("2次以上", Comparator.AT_LEAST, "2", "次"),
                statement("三级"),
                quantity("300条以上", Comparator.AT_LEAST, "300", "条"),
                statement("持续优化"),
                percent("≥85%", Comparator.AT_LEAST, "85"),
                // 003 硚口区 2020 项目自评表 and 部门整体绩效自评表
                statement("按标准发放"),
                statement("按月发放"),
                statement("有助于"),
                statement("可持续"),
                quantity("≥100", Comparator.AT_LEAST, "100", ""),
                subject("全区企业的 0.1%", Comparator.AT_LEAST, "0.1", true, "", "全区企业的"),
                quantity("≥4", Comparator.AT_LEAST, "4", ""),
                percent("98%", Comparator.AT_LEAST, "98"),
                statement("全额上缴"),
                quantity("1次", Comparator.AT_LEAST, "1", "次"),
                statement("按期"),
                quantity("130家", Comparator.AT_LEAST, "130", "家"),
                quantity("650台", Comparator.AT_LEAST, "650", "台"),
                quantity("2600 批 次", Comparator.AT_LEAST, "2600", "批次"),
                quantity("2600 批", Comparator.AT_LEAST, "2600", "批"),
                statement("抽检合格"),
                quantity("140000 批", Comparator.AT_LEAST, "140000", "批"),
                statement("未发生"),
                quantity("10000 批次", Comparator.AT_LEAST, "10000", "批次"),
                quantity("32 个", Comparator.AT_LEAST, "32", "个"),
                statement("保护长江水生生物资源"),
                Arguments.of("保护人体健康，维护公共卫生安全", new Qualitative("保护人体健康,维护公共卫生安全")),
                Arguments.of("保障农产品质量安全，维护公众健康", new Qualitative("保障农产品质量安全,维护公众健康")),
                quantity("23858羽", Comparator.AT_LEAST, "23858", "羽"),
                quantity("1313瓶", Comparator.AT_LEAST, "1313", "瓶"),
                quantity("200 批次", Comparator.AT_LEAST, "200", "批次"),
                quantity("4 个", Comparator.AT_LEAST, "4", "个"),
                Arguments.of("保护食品、药品类产品的消费者合法权益",
                        new Qualitative("保护食品、药品类产品的消费者合法权益")),
                percent("99%", Comparator.AT_LEAST, "99"),
                quantity("5 个工作日", Comparator.AT_MOST, "5", "个工作日"),
                // 004 长沙市天心区 2020 部门整体支出绩效自评报告 (planned figures in its narrative)
                quantity("2700批次", Comparator.AT_LEAST, "2700", "批次"),
                quantity("5万批次", Comparator.AT_LEAST, "50000", "批次"),
                // other forms the issue names
                quantity("≤3", Comparator.AT_MOST, "3", ""),
                quantity("=12", Comparator.EQUAL, "12", ""),
                quantity("不超过5起", Comparator.AT_MOST, "5", "起"),
                quantity("100万元以内", Comparator.AT_MOST, "100", "万元"),
                percent("＞90％", Comparator.MORE_THAN, "90"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedTargets")
    void readsEveryTargetOfTheSeeds(String text, TargetValue expected) {
        assertThat(TargetParser.parse(text)).isEqualTo(expected);
        assertThat(Target.parse(text).text()).isEqualTo(text);
    }

    static Stream<Arguments> seedActuals() {
        return Stream.of(
                // actual values as typed beside their narrative (实际完成值)
                Arguments.of("53/1514/110（件）", new Compound(List.of(new BigDecimal("53"), new BigDecimal("1514"),
                        new BigDecimal("110")), "件")),
                Arguments.of("208.27%", new Quantity(Comparator.AT_LEAST, new BigDecimal("208.27"), true, "", "")),
                Arguments.of("434例", new Quantity(Comparator.AT_LEAST, new BigDecimal("434"), false, "例", "")),
                Arguments.of("1000余人", new Quantity(Comparator.MORE_THAN, new BigDecimal("1000"), false, "人", "")),
                Arguments.of("50552批次", new Quantity(Comparator.AT_LEAST, new BigDecimal("50552"), false, "批次", "")),
                Arguments.of("13,625户", new Quantity(Comparator.AT_LEAST, new BigDecimal("13625"), false, "户", "")),
                Arguments.of("102 家", new Quantity(Comparator.AT_LEAST, new BigDecimal("102"), false, "家", "")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedActuals")
    void readsActualValuesTheSameWay(String text, TargetValue expected) {
        assertThat(TargetParser.parse(text)).isEqualTo(expected);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("", "text.required"),
                Arguments.of("   ", "text.required"),
                Arguments.of("XX", "target.placeholder"),
                Arguments.of("……", "target.placeholder"),
                Arguments.of("/", "target.placeholder"),
                Arguments.of("≥", "target.number-missing"),
                Arguments.of("≥ 以上", "target.number-missing"),
                Arguments.of("不少于", "target.number-missing"),
                Arguments.of("%", "target.format"),
                Arguments.of("100%%", "target.format"),
                Arguments.of("12.5.3", "target.format"),
                Arguments.of("-5", "target.negative"),
                Arguments.of("≥100以下", "target.comparator-conflict"),
                Arguments.of("不少于5次以下", "target.comparator-conflict"),
                Arguments.of("5万万批次", "target.format"),
                Arguments.of("38/", "target.format"),
                Arguments.of("100 or 200", "target.single-number"),
                Arguments.of("截止12月29日，药品不良反应434例，占全年任务118%", "target.single-number"),
                Arguments.of("≥≤5", "target.comparator"),
                Arguments.of("100%件", "target.format"),
                Arguments.of("5#", "target.format"),
                Arguments.of("合格\u0007", "text.control-characters"),
                Arguments.of("长".repeat(201), "text.length"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("malformed")
    void refusesMalformedTextSayingWhatWasExpected(String text, String rule) {
        assertThatThrownBy(() -> TargetParser.parse(text))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.rule()).isEqualTo(rule))
                .satisfies(e -> {
                    if (rule.startsWith("target.")) {
                        assertThat(e.getMessage()).contains(text.strip());
                    }
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"≥", "38/", "100 or 200", "XX"})
    void theMessageListsTheAcceptedForms(String text) {
        assertThatThrownBy(() -> TargetParser.parse(text)).hasMessageContaining("38/583/39（件）")
                .hasMessageContaining("85%以上");
    }
}
