package org.perfledger.query.readmodel;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import org.perfledger.kernel.organisation.StaffCategory;

/** A department's headcounts as the plan row keeps them ({"IN_SERVICE": 168, …}), read for the views that show them. */
public final class Headcounts {

    private Headcounts() {
    }

    /** Category → people, in the categories' order, only those stated; empty for null. */
    public static SortedMap<StaffCategory, Integer> read(String json) {
        SortedMap<StaffCategory, Integer> counts = new TreeMap<>();
        if (json != null) {
            RowJson.tree(json).fields().forEachRemaining(count -> counts.put(StaffCategory.valueOf(count.getKey()),
                    count.getValue().asInt()));
        }
        return Collections.unmodifiableSortedMap(counts);
    }
}
