package org.perfledger.query.plan;

import org.perfledger.query.readmodel.PlanKeys;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.plan.PlanPhase;
import org.perfledger.query.platform.InvalidParameterException;
import org.perfledger.query.platform.ReadAccess;
import org.perfledger.query.platform.TenantReads;
import org.perfledger.query.replay.AsOfReads;
import org.perfledger.kernel.event.Streams;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A plan as one document: its budget (年初 → 调整后 → 到位 → 执行, with rates computed once, from the unrounded
 * amounts, HALF_UP to two decimals), the movement trail behind the figures, budget lines, goals with their indicators
 * and latest completions, target adjustments, monitoring reports and self-evaluations. Codes travel with their
 * Chinese labels.
 */
@RestController
class PlanQueryController {

    private static final String YEAR = "/api/v1/districts/{district}/departments/{department}/years/{year}";

    private final JdbcTemplate jdbc;
    private final TenantReads reads;
    private final AsOfReads history;
    private final ReadAccess access;
    private final PlanViews views;
    private final PlanVersionWaits waits;
    private final PlanDocuments documents;

    PlanQueryController(JdbcTemplate jdbc, TenantReads reads, AsOfReads history, ReadAccess access, PlanViews views,
                        PlanVersionWaits waits, PlanDocuments documents) {
        this.waits = waits;
        this.documents = documents;
        this.history = history;
        this.views = views;
        this.jdbc = jdbc;
        this.reads = reads;
        this.access = access;
    }

    record ProjectSummary(String project, String name, PlanView.Coded phase, WanYuan adjustedBudget, WanYuan executed,
                          String executionRate, boolean overBudget) {
    }

    @GetMapping(YEAR + "/department")
    CompletableFuture<ResponseEntity<PlanView>> departmentPlan(
            @PathVariable("district") String district, @PathVariable("department") String department,
            @PathVariable("year") String year, @RequestParam(value = "at", required = false) String at,
            @RequestParam(value = "minVersion", required = false) String minVersion) {
        return view(plan(district, department, year, null), at, minVersion);
    }

    @GetMapping(YEAR + "/projects/{project}")
    CompletableFuture<ResponseEntity<PlanView>> projectPlan(
            @PathVariable("district") String district, @PathVariable("department") String department,
            @PathVariable("year") String year, @PathVariable("project") String project,
            @RequestParam(value = "at", required = false) String at,
            @RequestParam(value = "minVersion", required = false) String minVersion) {
        return view(plan(district, department, year, project), at, minVersion);
    }

    /**
     * The plan now, as of an instant, or (read-your-writes) once its read model has reached {@code minVersion}, the
     * version a command's answer carried: the request is held until then, {@link PlanVersionWaits#LONGEST} at most,
     * and answers what there is if it has not come (the document's version says which).
     */
    private CompletableFuture<ResponseEntity<PlanView>> view(PlanId plan, String at, String minVersion) {
        if (minVersion == null) {
            Instant instant = history.instant("at", at);
            return CompletableFuture.completedFuture(history.inDistrict(plan.district().value(), instant,
                    Streams.Scope.plan(plan), () -> instant == null ? documents.current(plan) : views.view(plan)));
        }
        if (at != null) {
            throw new InvalidParameterException("minVersion", "parameters.exclusive",
                    "minVersion waits for the plan as it will be; it cannot be combined with at (the plan as it was)");
        }
        long version = version(minVersion);
        return waits.reached(plan, version)
                .thenApply(arrived -> reads.inDistrict(plan.district().value(), () -> documents.current(plan)));
    }

    private static long version(String text) {
        try {
            long version = Long.parseLong(text);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidParameterException("minVersion", "version.format",
                "minVersion must be a whole number from 0 (the version a command's answer carries in its ETag), not "
                        + (text.length() > 40 ? text.substring(0, 40) + "…" : text));
    }

    @GetMapping(YEAR + "/projects")
    List<ProjectSummary> projects(@PathVariable("district") String district,
                                  @PathVariable("department") String department, @PathVariable("year") String year) {
        access.requireDepartment(district, department);
        PlanId any = PlanKeys.fromPath(district, department, year, null);
        return reads.inDistrict(any.district().value(), () -> jdbc.query("""
                SELECT plan_key, name, phase, adjusted_budget, executed, over_budget FROM plan
                 WHERE district = ? AND department_id = ? AND fiscal_year = ? AND kind = 'PROJECT'
                 ORDER BY plan_key""",
                (row, n) -> new ProjectSummary(row.getString(1), row.getString(2),
                        PlanColumns.coded(PlanPhase.valueOf(row.getString(3))), PlanColumns.money(row, 4), PlanColumns.money(row, 5),
                        PlanColumns.rate(PlanColumns.money(row, 5), PlanColumns.money(row, 4)), row.getBoolean(6)),
                any.district().value(), any.department().code().value(), any.year().value()));
    }

    /** Every completion recorded for an indicator, oldest first: the latest counts, the history stays. */
    @GetMapping({YEAR + "/department/indicators/{code}/completions",
            YEAR + "/projects/{project}/indicators/{code}/completions"})
    List<PlanView.CompletionView> completions(@PathVariable("district") String district,
                                     @PathVariable("department") String department,
                                     @PathVariable("year") String year,
                                     @PathVariable(value = "project", required = false) String project,
                                     @PathVariable("code") String code) {
        PlanId plan = plan(district, department, year, project);
        return reads.inDistrict(plan.district().value(), () -> views.completions(plan, code));
    }

    private PlanId plan(String district, String department, String year, String project) {
        access.requirePlan(district, department, year, project);
        return PlanKeys.fromPath(district, department, year, project);
    }

}
