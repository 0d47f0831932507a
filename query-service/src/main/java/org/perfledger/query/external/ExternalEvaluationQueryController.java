package org.perfledger.query.external;

import java.util.List;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.security.Caller;
import org.perfledger.query.external.EvaluationViews.EvaluationView;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.validation.InvalidValueException;
import org.perfledger.query.platform.InvalidParameterException;
import org.perfledger.query.platform.ReadAccess;
import org.perfledger.query.platform.TenantReads;
import org.perfledger.query.readmodel.PlanKeys;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 部门评价 and 财政重点评价: a plan's, each with its score beside the self-evaluation's; and the list a reader works
 * from — district finance and auditors every one of their district, a department its own, an evaluator those
 * commissioned from it (and nothing else: its token reads no other view).
 */
@RestController
class ExternalEvaluationQueryController {

    private static final String YEAR = "/api/v1/districts/{district}/departments/{department}/years/{year}";

    private final EvaluationRows rows;
    private final EvaluationViews views;
    private final TenantReads reads;
    private final ReadAccess access;

    ExternalEvaluationQueryController(EvaluationRows rows, EvaluationViews views, TenantReads reads,
                                      ReadAccess access) {
        this.rows = rows;
        this.views = views;
        this.reads = reads;
        this.access = access;
    }

    @GetMapping({YEAR + "/department/evaluations", YEAR + "/projects/{project}/evaluations"})
    List<EvaluationView> ofPlan(@PathVariable("district") String district,
                                @PathVariable("department") String department, @PathVariable("year") String year,
                                @PathVariable(value = "project", required = false) String project) {
        Caller reader = access.requirePlan(district, department, year, project);
        PlanId plan = PlanKeys.fromPath(district, department, year, project);
        // past requirePlan, a reader who reads nothing else is an evaluator: it sees its own evaluations only
        String evaluator = reader.readsAnything() ? null : reader.subject();
        return reads.inDistrict(district, () -> views.views(district, rows.ofPlan(plan).stream()
                .filter(row -> evaluator == null || evaluator.equals(row.evaluator())).toList(), reader.subject()));
    }

    /** @throws InvalidParameterException naming {@code year} for what is no fiscal year */
    private static int year(String text) {
        try {
            return FiscalYear.parse(text).value();
        } catch (InvalidValueException e) {
            throw new InvalidParameterException("year", e.rule(), "year: " + e.getMessage());
        }
    }

    /** {@code year}: one year's, or every year's (at most {@value EvaluationRows#MOST}). */
    @GetMapping("/api/v1/districts/{district}/evaluations")
    List<EvaluationView> visible(@PathVariable("district") String district,
                                 @RequestParam(value = "year", required = false) String year) {
        Caller reader = access.requireDistrictOrEvaluator(district);
        String evaluator = reader.readsAnything() ? null : reader.subject();
        Integer fiscalYear = year == null ? null : year(year);
        String department = evaluator != null || reader.readsWholeDistrict() ? null : reader.department();
        return reads.inDistrict(district, () -> views.views(district, rows.visible(district, fiscalYear, department,
                evaluator), reader.subject()));
    }
}
