package org.perfledger.query.library;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.perfledger.kernel.money.Percentage;
import org.perfledger.kernel.performance.TargetValue;
import org.perfledger.kernel.performance.TargetValue.Quantity;
import org.perfledger.query.readmodel.RowJson;

/**
 * One library indicator compared across the departments of a district and across years (对标): each plan's latest
 * actual as a number where it is one, its completion (actual ÷ target) where both are numbers of one kind, and the
 * spread of each by year. A figure that is not a number, or not of the target's kind, is shown as printed and left out
 * of the spread ({@code comparable} false).
 */
final class Benchmarking {

    private Benchmarking() {
    }

    /** A plan's figure of the indicator in a year. */
    record Figure(String department, String departmentName, String plan, String planName, String indicator,
                  String target, String actual, BigDecimal value, BigDecimal completion, boolean comparable) {
    }

    /** A year's figures and their spread: of the actual values, and of the completions. */
    record Year(int year, List<Figure> figures, Spread values, Spread completions) {
    }

    static List<Year> byYear(List<LibraryRows.Use> uses) {
        Map<Integer, List<Figure>> years = new TreeMap<>();
        for (LibraryRows.Use use : uses) {
            years.computeIfAbsent(use.year(), year -> new ArrayList<>()).add(figure(use));
        }
        List<Year> answer = new ArrayList<>();
        years.forEach((year, figures) -> answer.add(new Year(year, figures,
                Spread.of(figures.stream().map(Figure::value).toList()),
                Spread.of(figures.stream().map(Figure::completion).toList()))));
        return answer;
    }

    static Figure figure(LibraryRows.Use use) {
        TargetValue target = use.targetValue() == null ? null : RowJson.read(use.targetValue(), TargetValue.class);
        TargetValue actual = use.latestActualValue() == null ? null
                : RowJson.read(use.latestActualValue(), TargetValue.class);
        BigDecimal value = actual instanceof Quantity got ? got.value() : null;
        BigDecimal completion = null;
        if (target instanceof Quantity wanted && actual instanceof Quantity got && wanted.percent() == got.percent()
                && wanted.value().signum() != 0) {
            completion = Percentage.ofRatio(got.value(), wanted.value()).rounded(2);
        }
        return new Figure(use.department(), use.departmentName(), use.plan(), use.planName(), use.code(),
                use.target(), use.latestActual(), value, completion, value != null);
    }
}
