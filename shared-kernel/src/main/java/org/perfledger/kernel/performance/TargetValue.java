package org.perfledger.kernel.performance;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The typed meaning of a target value (年初目标值) or an actual value (实际完成值), as {@link TargetParser} reads it from
 * the text the tables hold. The text itself always travels beside it ({@link Target}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = TargetValue.Quantity.class, name = "quantity"),
        @JsonSubTypes.Type(value = TargetValue.Compound.class, name = "compound"),
        @JsonSubTypes.Type(value = TargetValue.Qualitative.class, name = "qualitative")})
public sealed interface TargetValue {

    /**
     * Why {@code actual} is not of {@code target}'s kind, or empty when it is: a count needs a count in the same unit
     * (where both name one), a percentage a percentage, several figures as many figures. A statement target takes any
     * actual, judged by a person. "很多" for "400 家" is no completion to measure; the words belong in the narrative.
     */
    static java.util.Optional<String> kindMismatch(TargetValue target, TargetValue actual) {
        if (target instanceof Quantity wanted) {
            if (!(actual instanceof Quantity got)) {
                return java.util.Optional.of("the target is " + (wanted.percent() ? "a percentage"
                        : "a number" + (wanted.unit().isEmpty() ? "" : " of " + wanted.unit())) + "; the actual must be "
                        + "one too");
            }
            if (wanted.percent() != got.percent()) {
                return java.util.Optional.of("the target is " + (wanted.percent() ? "" : "not ")
                        + "a percentage; the actual must " + (wanted.percent() ? "be one" : "not be one"));
            }
            if (!wanted.unit().isEmpty() && !got.unit().isEmpty() && !wanted.unit().equals(got.unit())) {
                return java.util.Optional.of("the target counts " + wanted.unit() + ", the actual " + got.unit());
            }
        }
        if (target instanceof Compound wanted && !(actual instanceof Compound got
                && got.parts().size() == wanted.parts().size())) {
            return java.util.Optional.of("the target has " + wanted.parts().size() + " figures; the actual must have as "
                    + "many");
        }
        return java.util.Optional.empty();
    }

    /**
     * A number, with how it is compared, and its unit: {@code ≥100}, {@code 不少于2次}, {@code 5万批次以上}
     * (50000 批次), {@code 90%以上}, {@code 重大事故 0 次} (a ceiling of 0).
     *
     * @param percent whether the number is a percentage (then {@code unit} is empty)
     * @param unit    the counting unit as written (次, 家, 批次, 个工作日), or empty
     * @param subject words before the number that say what is counted (全区企业的), or empty
     */
    record Quantity(Comparator comparator, BigDecimal value, boolean percent, String unit, String subject)
            implements TargetValue {

        public Quantity {
            Objects.requireNonNull(comparator, "comparator");
            Objects.requireNonNull(value, "value");
            unit = unit == null ? "" : unit;
            subject = subject == null ? "" : subject;
        }
    }

    /** Several numbers reported together, e.g. 发明/实用新型/外观设计 {@code 38/583/39（件）}; each part is held on its own. */
    record Compound(List<BigDecimal> parts, String unit) implements TargetValue {

        public Compound {
            parts = List.copyOf(parts);
            unit = unit == null ? "" : unit;
        }
    }

    /** A statement judged achieved or not: 有助于, 合格, 健全, 按标准发放, 保障到位, 持续优化. */
    record Qualitative(String statement) implements TargetValue {

        public Qualitative {
            Objects.requireNonNull(statement, "statement");
        }
    }
}
