package org.perfledger.query.due;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.perfledger.query.SliceTest;

/** What is due under the reporting calendar, done or late, plan by plan. */
class DueSliceTest extends SliceTest {

    @Test
    void eachPlansReportsUnderTheCalendarDoneOrLate() throws Exception {
        JsonNode due = read("/api/v1/districts/caidian/years/2020/due", finance());
        List<String> items = new ArrayList<>();
        due.forEach(item -> items.add(item.get("plan").asText() + " " + item.get("item").asText() + " "
                + item.get("due").asText() + " " + item.get("status").asText()));
        // the calendar was set twice: the later one (H1 due 20 July) holds; SPAQ's one warning was answered; of its
        // rectification items, the first's report was returned (open, past its deadline), the second is closed
        assertThat(items).containsExactlyInAnyOrder(
                "department monitoring H1 2020-07-20 done",
                "department self-evaluation 2021-03-31 done",
                "SPAQ monitoring H1 2020-07-20 late",
                "SPAQ self-evaluation 2021-03-31 late",
                "SPAQ warning 1 2020-09-30 done",
                "SPAQ rectification 1 2020-11-30 late",
                "SPAQ rectification 2 2021-01-31 done");
    }
}
