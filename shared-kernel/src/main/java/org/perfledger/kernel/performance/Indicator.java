package org.perfledger.kernel.performance;

import java.util.Objects;
import org.perfledger.kernel.validation.Checks;
import org.perfledger.kernel.validation.InvalidValueException;

/**
 * An indicator of a plan: its place under an annual goal in the 一级 / 二级 / 三级 hierarchy, its weight (分值) and
 * its target (年初目标值).
 *
 * <p>The weight may be unset: some districts' tables (department-wide tables, lists of 得分 without 分值) print none,
 * and an unset weight is not 0. Such an indicator cannot be scored, and the scorecard says so.
 *
 * @param goal the number of the annual goal (年度目标 1..N) it measures
 * @param name   the 三级指标, the indicator's own name
 * @param weight the 分值, or null when none is set (not printed)
 * @param direction which way it is better where stated, or null (the target's sign says it); the target is read
 *                  accordingly ({@link Target#directed})
 * @param library   the library indicator (指标库) it was picked from, or null
 */
public record Indicator(IndicatorCode code, int goal, IndicatorLevel1 level1, IndicatorLevel2 level2, String name,
                        Points weight, Target target, Direction direction, LibraryRef library) {

    public static final int MAX_NAME_LENGTH = 200;

    public Indicator {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(level1, "level1");
        Objects.requireNonNull(level2, "level2");
        Checks.requireText(name, "indicator name", MAX_NAME_LENGTH);
        Objects.requireNonNull(target, "target");
        requireLevels(level1, level2);
        target = target.directed(direction);
    }

    /** An indicator not picked from the library. */
    public Indicator(IndicatorCode code, int goal, IndicatorLevel1 level1, IndicatorLevel2 level2, String name,
                     Points weight, Target target, Direction direction) {
        this(code, goal, level1, level2, name, weight, target, direction, null);
    }

    /** An indicator whose direction its target's sign says. */
    public Indicator(IndicatorCode code, int goal, IndicatorLevel1 level1, IndicatorLevel2 level2, String name,
                     Points weight, Target target) {
        this(code, goal, level1, level2, name, weight, target, null, null);
    }

    public static void requireLevels(IndicatorLevel1 level1, IndicatorLevel2 level2) {
        if (!level2.belongsTo(level1)) {
            throw new InvalidValueException("indicator.level2", "二级指标 " + level2.label() + " is not one of "
                    + level1.label());
        }
    }

    /** The indicator with a new target and weight (a target adjustment); its direction and library link stay. */
    public Indicator withTarget(Target newTarget, Points newWeight) {
        return new Indicator(code, goal, level1, level2, name, newWeight, newTarget, direction, library);
    }
}
