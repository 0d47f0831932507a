package org.perfledger.query.years;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.perfledger.kernel.event.Streams.Scope;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.query.figures.PlanFigures;
import org.perfledger.query.platform.NotFoundException;
import org.perfledger.query.platform.ReadAccess;
import org.perfledger.query.replay.AsOfReads;
import org.perfledger.query.scoring.Scorecards.ScorecardView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A department's plans and indicators year over year: each against the same plan's previous year, change and trend. */
@RestController
class YearOverYearController {

    private final JdbcTemplate jdbc;
    private final AsOfReads reads;
    private final ReadAccess access;
    private final PlanFigures figures;

    YearOverYearController(JdbcTemplate jdbc, AsOfReads reads, ReadAccess access, PlanFigures figures) {
        this.jdbc = jdbc;
        this.reads = reads;
        this.access = access;
        this.figures = figures;
    }

    record YearRow(int year, String plan, String name, WanYuan initialBudget, WanYuan adjustedBudget,
                   WanYuan executed, BigDecimal executionRate, BigDecimal score, String grade,
                   BigDecimal executionRateChange, BigDecimal scoreChange, String trend) {
    }

    /** A department's plans year by year, each against the same plan's previous year: change and trend. */
    @GetMapping("/api/v1/districts/{district}/departments/{department}/years")
    List<YearRow> yearOverYear(@PathVariable("district") String district,
                               @PathVariable("department") String department,
                               @RequestParam(value = "at", required = false) String at) {
        access.requireDepartment(district, department);
        return reads.inDistrict(district, reads.instant("at", at),
                Scope.department(DepartmentId.of(district, department)), () -> {
            List<Map<String, Object>> plans = jdbc.queryForList("SELECT * FROM plan WHERE district = ? AND "
                    + "department_id = ? ORDER BY kind, plan_key, fiscal_year", district, department);
            if (plans.isEmpty()) {
                throw new NotFoundException("department", "department.not-found", "no plans of " + department);
            }
            List<YearRow> rows = new ArrayList<>();
            YearRow previous = null;
            List<ScorecardView> cards = figures.scorecards(district, plans);
            for (int i = 0; i < plans.size(); i++) {
                Map<String, Object> plan = plans.get(i);
                FiscalYear year = FiscalYear.of(((Number) plan.get("fiscal_year")).intValue());
                ScorecardView card = cards.get(i);
                WanYuan adjusted = PlanFigures.money(plan.get("adjusted_budget"));
                WanYuan executed = PlanFigures.money(plan.get("executed"));
                BigDecimal rate = PlanFigures.rate(executed, adjusted);
                BigDecimal score = PlanFigures.score(card);
                boolean samePlan = previous != null && previous.plan().equals(plan.get("plan_key"));
                BigDecimal rateChange = samePlan ? change(rate, previous.executionRate()) : null;
                BigDecimal scoreChange = samePlan ? change(score, previous.score()) : null;
                YearRow row = new YearRow(year.value(), (String) plan.get("plan_key"), (String) plan.get("name"),
                        PlanFigures.money(plan.get("initial_budget")), adjusted, executed, rate, score,
                        PlanFigures.grade(card), rateChange, scoreChange,
                        trend(scoreChange != null ? scoreChange : rateChange));
                rows.add(row);
                previous = row;
            }
            return rows;
        });
    }

    record IndicatorYear(int year, String plan, String code, String name, String target, String latestActual,
                         BigDecimal completion, BigDecimal deviationRate, BigDecimal score) {
    }

    /**
     * One indicator followed across the department's years by its stable code, or by its name where the code is
     * not found ({@code ?name=}).
     */
    @GetMapping("/api/v1/districts/{district}/departments/{department}/indicators/{code}/years")
    List<IndicatorYear> indicatorOverYears(@PathVariable("district") String district,
                                           @PathVariable("department") String department,
                                           @PathVariable("code") String code,
                                           @RequestParam(value = "name", required = false) String name,
                                           @RequestParam(value = "at", required = false) String at) {
        access.requireDepartment(district, department);
        return reads.inDistrict(district, reads.instant("at", at),
                Scope.department(DepartmentId.of(district, department)), () -> {
            List<Map<String, Object>> found = jdbc.queryForList("SELECT i.*, p.kind FROM indicator i JOIN plan p USING "
                    + "(district, department_id, fiscal_year, plan_key) WHERE i.district = ? AND i.department_id = ? "
                    + "AND i.code = ? ORDER BY i.fiscal_year", district, department, code);
            if (found.isEmpty() && name != null) {
                found = jdbc.queryForList("SELECT i.*, p.kind FROM indicator i JOIN plan p USING "
                        + "(district, department_id, fiscal_year, plan_key) WHERE i.district = ? AND "
                        + "i.department_id = ? AND i.name = ? ORDER BY i.fiscal_year", district, department, name);
            }
            List<IndicatorYear> years = new ArrayList<>();
            for (Map<String, Object> indicator : found) {
                FiscalYear year = FiscalYear.of(((Number) indicator.get("fiscal_year")).intValue());
                ScorecardView card = figures.scorecard(PlanFigures.planId(district, year, indicator));
                String indicatorCode = (String) indicator.get("code");
                var scored = card == null ? null : card.scorecard().indicators().stream()
                        .filter(s -> s.code().equals(indicatorCode)).findFirst().orElse(null);
                years.add(new IndicatorYear(year.value(), (String) indicator.get("plan_key"), indicatorCode,
                        (String) indicator.get("name"), (String) indicator.get("target_text"),
                        (String) indicator.get("latest_actual_text"),
                        scored == null || scored.ratio() == null ? null : scored.ratio().setScale(2, RoundingMode.HALF_UP),
                        scored == null ? null : scored.deviationRate(), scored == null ? null : scored.score()));
            }
            if (years.isEmpty()) {
                throw new NotFoundException("code", "indicator.not-found", "department " + department
                        + " has no indicator " + code + (name == null ? "" : " nor one named " + name));
            }
            return years;
        });
    }

    private static BigDecimal change(BigDecimal now, BigDecimal before) {
        return now == null || before == null ? null : now.subtract(before);
    }

    private static String trend(BigDecimal change) {
        return change == null ? null : change.signum() > 0 ? "up" : change.signum() < 0 ? "down" : "flat";
    }
}
