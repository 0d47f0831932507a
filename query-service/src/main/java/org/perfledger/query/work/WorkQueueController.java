package org.perfledger.query.work;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.perfledger.kernel.plan.PlanPhase;
import org.perfledger.kernel.security.Caller;
import org.perfledger.kernel.external.EvaluationType;
import org.perfledger.kernel.security.Role;
import org.perfledger.query.platform.PathYear;
import org.perfledger.query.platform.ReadAccess;
import org.perfledger.query.platform.TenantReads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What waits on whom in a year (待办): for district finance, targets, target adjustments and self-evaluations to review
 * and accepted self-evaluations to publish; for a department, targets to draft (or rework, with finance's reason) and
 * self-evaluations to write (or rework). Each task names the role that acts on it, so a page offers only its reader's.
 */
@RestController
class WorkQueueController {

    /** One thing to do on one plan. */
    record Task(String department, String departmentName, String plan, String name, String phase, String task,
                Role role, Integer number, String indicator, String detail, String note, String by,
                Instant since) {
    }

    private final JdbcTemplate jdbc;
    private final TenantReads reads;
    private final ReadAccess access;

    WorkQueueController(JdbcTemplate jdbc, TenantReads reads, ReadAccess access) {
        this.jdbc = jdbc;
        this.reads = reads;
        this.access = access;
    }

    @GetMapping("/api/v1/districts/{district}/years/{year}/work")
    List<Task> work(@PathVariable("district") String district, @PathVariable("year") String year) {
        Caller reader = access.requireDistrict(district);
        int fiscalYear = PathYear.of(district, year).value();
        // a department-bound reader sees its own department's work only
        String scope = reader.readsWholeDistrict() ? null : reader.department();
        return reads.inDistrict(district, () -> {
            List<Task> tasks = new ArrayList<>();
            tasks.addAll(jdbc.query("""
                    SELECT p.department_id, d.name AS department_name, p.plan_key, p.name, p.phase, p.targets_review,
                           p.targets_note, p.targets_reviewed_by, p.updated_at,
                           (SELECT e.review_note FROM self_evaluation e
                             WHERE e.district = p.district AND e.department_id = p.department_id
                               AND e.fiscal_year = p.fiscal_year AND e.plan_key = p.plan_key
                             ORDER BY e.round DESC LIMIT 1) AS evaluation_note
                      FROM plan p LEFT JOIN department d
                        ON d.district = p.district AND d.department_id = p.department_id
                     WHERE p.district = ? AND p.fiscal_year = ? AND (CAST(? AS TEXT) IS NULL OR p.department_id = ?)
                       AND p.phase NOT IN ('IN_EXECUTION', 'PUBLISHED')
                     ORDER BY p.department_id, p.plan_key""", (row, n) -> {
                PlanPhase phase = PlanPhase.valueOf(row.getString("phase"));
                String task;
                Role role;
                String note = null;
                switch (phase) {
                    case DRAFTING -> {
                        task = "returned".equals(row.getString("targets_review")) ? "rework-targets" : "draft-targets";
                        role = Role.DEPARTMENT_EDITOR;
                        note = "returned".equals(row.getString("targets_review")) ? row.getString("targets_note") : null;
                    }
                    case TARGETS_SUBMITTED -> {
                        task = "review-targets";
                        role = Role.DISTRICT_FINANCE;
                    }
                    case CLOSED -> {
                        task = "write-self-evaluation";
                        role = Role.DEPARTMENT_EDITOR;
                    }
                    case SELF_EVALUATION_RETURNED -> {
                        task = "rework-self-evaluation";
                        role = Role.DEPARTMENT_EDITOR;
                        note = row.getString("evaluation_note");
                    }
                    case SELF_EVALUATION_SUBMITTED -> {
                        task = "review-self-evaluation";
                        role = Role.DISTRICT_FINANCE;
                    }
                    case SELF_EVALUATION_ACCEPTED -> {
                        task = "publish-self-evaluation";
                        role = Role.DISTRICT_FINANCE;
                    }
                    default -> throw new IllegalStateException("no task waits on a plan " + phase);
                }
                return new Task(row.getString("department_id"), row.getString("department_name"),
                        row.getString("plan_key"), row.getString("name"), phase.name(), task, role, null, null, null,
                        note, null, row.getTimestamp("updated_at").toInstant());
            }, district, fiscalYear, scope, scope));
            Object[] where = {district, fiscalYear, scope, scope};
            tasks.addAll(onItems("target_adjustment", "i.number, i.code, i.target_text, i.reason, i.requested_by, "
                    + "p.updated_at", "i.status = 'requested'", "i.department_id, i.plan_key, i.number", where,
                    (row, on) -> on.task("decide-target-adjustment", Role.DISTRICT_FINANCE, row.getInt("number"),
                            row.getString("code"), row.getString("target_text"), row.getString("reason"),
                            row.getString("requested_by"), row.getTimestamp("updated_at"))));
            // finance's warnings waiting for the department's answer (提示 / 警示)
            tasks.addAll(onItems("plan_warning", "i.text, i.respond_by, i.issued_by, i.issued_at", "i.response IS NULL",
                    "i.respond_by, i.department_id, i.plan_key", where,
                    (row, on) -> on.task("answer-warning", Role.DEPARTMENT_EDITOR, null, null,
                            row.getString("respond_by"), row.getString("text"), row.getString("issued_by"),
                            row.getTimestamp("issued_at"))));
            // a new project's ex-ante assessment waiting for finance's conclusion (事前绩效评估)
            tasks.addAll(onItems("assessment", "i.submitted_by, i.submitted_at", "i.conclusion IS NULL",
                    "i.department_id, i.plan_key", where,
                    (row, on) -> on.task("conclude-assessment", Role.DISTRICT_FINANCE, null, null, null, null,
                            row.getString("submitted_by"), row.getTimestamp("submitted_at"))));
            // rectification items: the department reports on an open one, finance returns or closes a reported one
            tasks.addAll(onItems("rectification", "i.number, i.status, i.issue, i.deadline, i.raised_by, i.raised_at",
                    "i.status IN ('open', 'reported')", "i.deadline, i.department_id, i.plan_key, i.number", where,
                    (row, on) -> {
                        boolean reported = "reported".equals(row.getString("status"));
                        return on.task(reported ? "close-rectification" : "rectify",
                                reported ? Role.DISTRICT_FINANCE : Role.DEPARTMENT_EDITOR, row.getInt("number"), null,
                                row.getString("deadline"), row.getString("issue"), row.getString("raised_by"),
                                row.getTimestamp("raised_at"));
                    }));
            // an evaluation's report waiting for its commissioner: finance its 财政重点评价, the department its 部门评价
            tasks.addAll(onItems("plan_evaluation", "i.number, i.type, i.evaluator, i.due, i.reported_at",
                    "i.status = 'reported'", "i.due, i.department_id, i.plan_key, i.number", where,
                    (row, on) -> on.task("accept-evaluation",
                            EvaluationType.valueOf(row.getString("type")).commissioner(), row.getInt("number"), null,
                            row.getString("due"), row.getString("type"), row.getString("evaluator"),
                            row.getTimestamp("reported_at"))));
            // once finance has set its rules of using the year's results: each accepted plan without a proposal
            tasks.addAll(jdbc.query("""
                    SELECT p.department_id, d.name AS department_name, p.plan_key, p.name, p.phase, p.updated_at
                      FROM plan p LEFT JOIN department d ON d.district = p.district AND d.department_id = p.department_id
                     WHERE p.district = ? AND p.fiscal_year = ? AND (CAST(? AS TEXT) IS NULL OR p.department_id = ?)
                       AND p.phase IN ('SELF_EVALUATION_ACCEPTED', 'PUBLISHED')
                       AND EXISTS (SELECT 1 FROM result_use_rules r WHERE r.district = p.district
                                      AND r.fiscal_year = p.fiscal_year)
                       AND NOT EXISTS (SELECT 1 FROM budget_proposal b WHERE b.district = p.district
                                      AND b.department_id = p.department_id AND b.fiscal_year = p.fiscal_year
                                      AND b.plan_key = p.plan_key)
                     ORDER BY p.department_id, p.plan_key""",
                    (row, n) -> new Task(row.getString("department_id"), row.getString("department_name"),
                            row.getString("plan_key"), row.getString("name"), row.getString("phase"),
                            "propose-budget", Role.DISTRICT_FINANCE, null, null, null, null, null,
                            row.getTimestamp("updated_at").toInstant()),
                    district, fiscalYear, scope, scope));
            return tasks;
        });
    }

    /** The plan an item of one of its tables belongs to, as a task names it. */
    private record OnPlan(String department, String departmentName, String plan, String name, String phase) {

        Task task(String task, Role role, Integer number, String indicator, String detail, String note, String by,
                  Timestamp since) {
            return new Task(department, departmentName, plan, name, phase, task, role, number, indicator, detail, note,
                    by, since.toInstant());
        }
    }

    /** A task made of an item's row and its plan. */
    private interface ItemTask {
        Task of(ResultSet row, OnPlan plan) throws SQLException;
    }

    /**
     * The tasks on items of a plan's table ({@code i}) that meet {@code condition}, in the year and the reader's scope
     * ({@code where}: district, year, and the department twice, or null), each joined to its plan ({@code p}) and
     * department.
     */
    private List<Task> onItems(String table, String columns, String condition, String order, Object[] where,
                               ItemTask task) {
        return jdbc.query("SELECT i.department_id, d.name AS department_name, i.plan_key, p.name, p.phase, " + columns
                + " FROM " + table + " i JOIN plan p ON p.district = i.district AND p.department_id = i.department_id"
                + " AND p.fiscal_year = i.fiscal_year AND p.plan_key = i.plan_key"
                + " LEFT JOIN department d ON d.district = i.district AND d.department_id = i.department_id"
                + " WHERE i.district = ? AND i.fiscal_year = ? AND " + condition
                + " AND (CAST(? AS TEXT) IS NULL OR i.department_id = ?) ORDER BY " + order,
                (row, n) -> task.of(row, new OnPlan(row.getString("department_id"), row.getString("department_name"),
                        row.getString("plan_key"), row.getString("name"), row.getString("phase"))), where);
    }
}
