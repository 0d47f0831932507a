package org.perfledger.query.overview;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.perfledger.kernel.event.Streams.Scope;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.security.Caller;
import org.perfledger.kernel.warning.MonitoringThresholds;
import org.perfledger.kernel.warning.TrafficLight;
import org.perfledger.query.figures.PlanFigures;
import org.perfledger.query.replay.AsOfReads;
import org.perfledger.query.replay.ReadModelRebuilds.ReadModelsRebuilding;
import org.perfledger.query.scoring.Scorecards.ScorecardView;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Every plan of a year the reader may see, as the overview and the district summary show it. */
@Component
public class OverviewRows {

    public record OverviewRow(String department, String plan, String kind, String name, String phase,
                              WanYuan adjustedBudget, WanYuan executed, BigDecimal executionRate, BigDecimal score,
                              String grade, String status, TrafficLight light, List<String> alerts) {
    }

    /**
     * Rows of a year as they stand, by the state they show: the year's plans (how many, and the sum of their versions,
     * which grows with every event of every plan, a department-wide plan's projects included), the sum of the year's
     * scheme versions and its thresholds' version, the reader's scope and the day. An overview read again and again (finance paging, sorting,
     * filtering, several people on one district) then costs one small query until something in the year changes.
     * Bounded by rows: some MiB.
     */
    private final Cache<String, List<OverviewRow>> current = Caffeine.newBuilder().maximumWeight(100_000)
            .weigher((String key, List<OverviewRow> rows) -> Math.max(1, rows.size())).build();
    private final JdbcTemplate jdbc;
    private final AsOfReads reads;
    private final PlanFigures figures;

    OverviewRows(JdbcTemplate jdbc, AsOfReads reads, PlanFigures figures) {
        this.jdbc = jdbc;
        this.reads = reads;
        this.figures = figures;
    }

    /** In department and plan order, at {@code instant} (null: now), with 序时进度 on {@code day}. */
    public List<OverviewRow> rows(String district, FiscalYear year, Caller reader, Instant instant, LocalDate day) {
        return reads.inDistrict(district, instant, Scope.year(DistrictId.of(district), year), () -> {
            String department = reader.readsWholeDistrict() ? null : reader.department();
            if (instant != null) {
                return read(district, year, department, day);
            }
            // read in the same snapshot as the rows it names (the district's read is one transaction)
            String state = jdbc.queryForObject("SELECT count(*) || '/' || coalesce(sum(version), 0) || '/' || "
                    + "(SELECT coalesce(sum(version), 0) FROM scoring_scheme WHERE district = ? AND fiscal_year = ?) "
                    + "|| '/' || (SELECT coalesce(max(version), 0) FROM monitoring_thresholds WHERE district = ? AND "
                    + "fiscal_year = ?) FROM plan WHERE district = ? AND fiscal_year = ? AND (CAST(? AS TEXT) IS NULL OR "
                    + "department_id = ?)", String.class, district, year.value(), district, year.value(), district,
                    year.value(), department, department);
            return current.get(district + "/" + year.value() + "/" + department + "/" + day + "/" + state,
                    key -> read(district, year, department, day));
        });
    }

    private List<OverviewRow> read(String district, FiscalYear year, String department, LocalDate day) {
        List<Map<String, Object>> plans = figures.plans(district, year, department);
        Map<String, BigDecimal[]> dated = figures.datedMovements(district, year, department, day);
        List<ScorecardView> cards = figures.scorecards(district, plans);
        MonitoringThresholds thresholds = figures.thresholds(district, year).thresholds();
        Set<String> late = figures.lateRectifications(district, year, department, day);
        List<OverviewRow> rows = new ArrayList<>(plans.size());
        for (int i = 0; i < plans.size(); i++) {
            rows.add(row(plans.get(i), day, dated, cards.get(i), thresholds, late));
        }
        return List.copyOf(rows);
    }

    private OverviewRow row(Map<String, Object> plan, LocalDate day, Map<String, BigDecimal[]> dated,
                            ScorecardView card, MonitoringThresholds thresholds, Set<String> late) {
        WanYuan adjusted = PlanFigures.money(plan.get("adjusted_budget"));
        WanYuan executed = PlanFigures.money(plan.get("executed"));
        PlanFigures.TimeProgress progress = figures.progress(plan, day, dated, thresholds);
        List<String> alerts = figures.alerts(plan, card, progress, late);
        return new OverviewRow((String) plan.get("department_id"), (String) plan.get("plan_key"),
                (String) plan.get("kind"), (String) plan.get("name"), (String) plan.get("phase"), adjusted, executed,
                PlanFigures.rate(executed, adjusted), PlanFigures.score(card),
                PlanFigures.grade(card), card == null ? null : card.status(), progress == null ? null : progress.light(),
                alerts);
    }

    /** A rebuild needs the memory: what is remembered goes, and comes back as it is read again. */
    @EventListener(ReadModelsRebuilding.class)
    void forget() {
        current.invalidateAll();
    }
}
