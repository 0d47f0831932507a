package org.perfledger.query.replay;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Two schemas of read models compared row by row, table by table: how a rebuild shows it equals the live read models
 * (or where it does not), and how a test holds two ways of writing them to each other. A table's rows are compared as
 * multisets in one pass over both sides; rows only one side has are sampled only when there are some.
 */
@Component
public class ReadModelComparison {

    private static final int SAMPLES = 3;
    /** The column telling the live side's rows from the rebuilt side's in a comparison (no read-model column's name). */
    private static final String SIDE = "perfledger_live_side";

    /** The difference between the live and the rebuilt rows of one table. */
    public record TableComparison(String table, long liveRows, long rebuiltRows, long onlyLive, long onlyRebuilt,
                                  List<String> samplesOnlyLive, List<String> samplesOnlyRebuilt) {
        public boolean equal() {
            return onlyLive == 0 && onlyRebuilt == 0;
        }
    }

    /** Every projection table compared; {@code inFlightStreams} were left out, the live side being behind. */
    public record Comparison(boolean equal, long inFlightStreams, List<TableComparison> tables) {
    }

    private final JdbcTemplate jdbc;
    private final ReadModelTables tables;

    ReadModelComparison(JdbcTemplate jdbc, ReadModelTables tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    /**
     * Compares every projection table row by row (write times left out), leaving out the streams where the rebuilt
     * side is ahead of the live one.
     */
    public Comparison compare(String live, String rebuilt) {
        String l = ReadModelTables.ident(live);
        String r = ReadModelTables.ident(rebuilt);
        String inFlight = "SELECT b.aggregate_id FROM " + r + ".projection_position b LEFT JOIN " + l
                + ".projection_position a USING (aggregate_id) WHERE a.last_sequence IS NULL "
                + "OR b.last_sequence > a.last_sequence";
        Long inFlightStreams = jdbc.queryForObject("SELECT count(*) FROM (" + inFlight + ") f", Long.class);
        List<TableComparison> compared = new ArrayList<>();
        for (String table : tables.projections(live)) {
            if (table.equals(ReadModelTables.PARKED)) {
                continue; // early arrivals waiting in the live tables are not read models
            }
            String columns = String.join(", ", tables.comparedColumns(table).stream().map(ReadModelTables::ident)
                    .toList());
            String stream = tables.streamOfRow(table);
            String settled = stream == null ? "" : " WHERE (" + stream + ") NOT IN (" + inFlight + ")";
            String t = ReadModelTables.ident(table);
            String onlyLive = "SELECT " + columns + " FROM " + l + "." + t + settled + " EXCEPT ALL SELECT " + columns
                    + " FROM " + r + "." + t + settled;
            String onlyRebuilt = "SELECT " + columns + " FROM " + r + "." + t + settled + " EXCEPT ALL SELECT "
                    + columns + " FROM " + l + "." + t + settled;
            // both differences in one pass over both sides: each distinct row's count on one side less the other's
            long[] differences = jdbc.queryForObject("SELECT coalesce(sum(greatest(d, 0)), 0), "
                    + "coalesce(sum(greatest(-d, 0)), 0) FROM (SELECT count(*) FILTER (WHERE " + SIDE + ") - count(*) "
                    + "FILTER (WHERE NOT " + SIDE + ") AS d FROM (SELECT true AS " + SIDE + ", " + columns + " FROM "
                    + l + "." + t + settled + " UNION ALL SELECT false, " + columns + " FROM " + r + "." + t + settled
                    + ") sides GROUP BY " + columns + ") g", (row, n) -> new long[] {row.getLong(1), row.getLong(2)});
            compared.add(new TableComparison(table, count("SELECT count(*) FROM " + l + "." + t),
                    count("SELECT count(*) FROM " + r + "." + t), differences[0], differences[1],
                    differences[0] == 0 ? List.of() : samples(onlyLive),
                    differences[1] == 0 ? List.of() : samples(onlyRebuilt)));
        }
        return new Comparison(compared.stream().allMatch(TableComparison::equal), inFlightStreams, compared);
    }

    private long count(String sql) {
        Long count = jdbc.queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }

    private List<String> samples(String rows) {
        return jdbc.queryForList("SELECT row_to_json(d)::text FROM (" + rows + ") d LIMIT " + SAMPLES, String.class);
    }
}
