package org.perfledger.query.overview;

import java.util.Comparator;
import org.perfledger.query.overview.OverviewRows.OverviewRow;
import org.perfledger.query.platform.InvalidParameterException;

/** How the overview may be sorted: by department, name, score or 执行率, ascending or descending; nulls first. */
final class OverviewOrder {

    private OverviewOrder() {
    }

    static Comparator<OverviewRow> of(String sort, String order) {
        Comparator<OverviewRow> comparator = switch (sort) {
            case "score" -> Comparator.comparing(OverviewRow::score, Comparator.nullsFirst(Comparator.naturalOrder()));
            case "executionRate" -> Comparator.comparing(OverviewRow::executionRate,
                    Comparator.nullsFirst(Comparator.naturalOrder()));
            case "name" -> Comparator.comparing(row -> row.name() == null ? "" : row.name());
            case "department" -> Comparator.comparing(OverviewRow::department).thenComparing(OverviewRow::plan);
            default -> throw new InvalidParameterException("sort", "sort.unknown",
                    "sort is one of department, name, score, executionRate; got '" + sort + "'");
        };
        if (order.equals("desc")) {
            return comparator.reversed();
        }
        if (!order.equals("asc")) {
            throw new InvalidParameterException("order", "order.unknown", "order is asc or desc; got '" + order + "'");
        }
        return comparator;
    }
}
