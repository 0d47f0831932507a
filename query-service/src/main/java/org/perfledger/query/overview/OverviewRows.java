package org.perfledger.query.overview;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.perfledger.kernel.event.Streams.Scope;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.security.Caller;
import org.perfledger.query.figures.PlanFigures;
import org.perfledger.query.replay.AsOfReads;
import org.perfledger.query.scoring.Scorecards;
import org.perfledger.query.scoring.Scorecards.ScorecardView;
import org.springframework.stereotype.Component;

/** Every plan of a year the reader may see, as the overview and the district summary show it. */
@Component
public class OverviewRows {

    public record OverviewRow(String department, String plan, String kind, String name, String phase,
                              WanYuan adjustedBudget, WanYuan executed, BigDecimal executionRate, BigDecimal score,
                              String grade, String status, List<String> alerts) {
    }

    private final AsOfReads reads;
    private final Scorecards scorecards;
    private final PlanFigures figures;

    OverviewRows(AsOfReads reads, Scorecards scorecards, PlanFigures figures) {
        this.reads = reads;
        this.scorecards = scorecards;
        this.figures = figures;
    }

    /** In department and plan order, at {@code instant} (null: now), with 序时进度 on {@code day}. */
    public List<OverviewRow> rows(String district, FiscalYear year, Caller reader, Instant instant, LocalDate day) {
        return reads.inDistrict(district, instant, Scope.year(DistrictId.of(district), year), () -> {
            List<OverviewRow> rows = new ArrayList<>();
            String department = reader.readsWholeDistrict() ? null : reader.department();
            List<Map<String, Object>> plans = figures.plans(district, year, department);
            Scorecards.Foundations foundations = scorecards.foundations(district, plans);
            Map<String, BigDecimal[]> dated = figures.datedMovements(district, year, department, day);
            List<ScorecardView> cards = scorecards.current(plans.stream()
                    .map(plan -> PlanFigures.planId(district, year, plan)).toList(), foundations);
            for (int i = 0; i < plans.size(); i++) {
                rows.add(row(plans.get(i), day, dated, cards.get(i)));
            }
            return rows;
        });
    }

    private OverviewRow row(Map<String, Object> plan, LocalDate day, Map<String, BigDecimal[]> dated,
                            ScorecardView card) {
        WanYuan adjusted = PlanFigures.money(plan.get("adjusted_budget"));
        WanYuan executed = PlanFigures.money(plan.get("executed"));
        List<String> alerts = figures.alerts(plan, card, figures.progress(plan, day, dated));
        return new OverviewRow((String) plan.get("department_id"), (String) plan.get("plan_key"),
                (String) plan.get("kind"), (String) plan.get("name"), (String) plan.get("phase"), adjusted, executed,
                PlanFigures.rate(executed, adjusted), PlanFigures.score(card),
                PlanFigures.grade(card), card == null ? null : card.status(), alerts);
    }
}
