package org.perfledger.query.plan;

import java.util.List;
import java.util.Map;
import org.perfledger.kernel.organisation.StaffCategory;
import org.perfledger.query.plan.PlanView.Coded;
import org.perfledger.query.readmodel.Headcounts;

/**
 * A department's headcounts as stated (on its department-wide plan), and where 在职人员 and any of its establishments
 * are stated, their sum checked as the documents' other sums are: {@code establishments} the sum of those stated,
 * {@code agrees} whether it is 在职人员 (天心 2020: 168 = 108 + 7 + 53).
 */
record StaffingView(List<Headcount> headcounts, Integer establishments, Boolean agrees) {

    record Headcount(Coded category, int count) {
    }

    /** The headcounts as the read model keeps them ({"IN_SERVICE": 168, …}), in the categories' order; null if none. */
    static StaffingView of(String json) {
        if (json == null) {
            return null;
        }
        Map<StaffCategory, Integer> counts = Headcounts.read(json);
        List<Headcount> headcounts = counts.entrySet().stream()
                .map(count -> new Headcount(PlanColumns.coded(count.getKey()), count.getValue())).toList();
        List<Integer> parts = counts.entrySet().stream().filter(count -> count.getKey().partOfInService())
                .map(Map.Entry::getValue).toList();
        Integer inService = counts.get(StaffCategory.IN_SERVICE);
        if (inService == null || parts.isEmpty()) {
            return new StaffingView(headcounts, null, null);
        }
        int sum = parts.stream().mapToInt(Integer::intValue).sum();
        return new StaffingView(headcounts, sum, sum == inService);
    }
}
