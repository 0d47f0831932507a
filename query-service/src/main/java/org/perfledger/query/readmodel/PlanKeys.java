package org.perfledger.query.readmodel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Collection;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.validation.InvalidValueException;
import org.perfledger.query.platform.NotFoundException;

/** How read-model tables key a plan: district, department, fiscal year and 'department' or the project's code. */
public final class PlanKeys {

    /** The WHERE clause matching one plan's rows, with four parameters from {@link #of}. */
    public static final String WHERE = "district = ? AND department_id = ? AND fiscal_year = ? AND plan_key = ?";

    /**
     * Many plans' keys as one SQL parameter, the JSON of {@link #json}: a relation {@code k} of the four key columns, to
     * join a table's rows on.
     */
    public static final String MANY = "json_to_recordset(?::json) AS k(district text, department_id text, "
            + "fiscal_year int, plan_key text)";

    private PlanKeys() {
    }

    public static String planKey(PlanId plan) {
        return plan.departmentWide() ? PlanId.DEPARTMENT_WIDE : plan.project();
    }

    /** The plan a request path names; a path that cannot name one answers 404, like a plan that does not exist. */
    public static PlanId fromPath(String district, String department, String year, String project) {
        try {
            return new PlanId(DepartmentId.of(district, department), FiscalYear.parse(year), project);
        } catch (InvalidValueException e) {
            throw new NotFoundException("plan", "plan.not-found", "no such plan: " + e.getMessage());
        }
    }

    public static Object[] of(PlanId plan) {
        return new Object[] {plan.district().value(), plan.department().code().value(), plan.year().value(),
                planKey(plan)};
    }

    /** The plans' keys as the one parameter {@link #MANY} reads. */
    public static String json(Collection<PlanId> plans) {
        ArrayNode keys = JsonNodeFactory.instance.arrayNode();
        for (PlanId plan : plans) {
            keys.addObject().put("district", plan.district().value()).put("department_id",
                    plan.department().code().value()).put("fiscal_year", plan.year().value())
                    .put("plan_key", planKey(plan));
        }
        return keys.toString();
    }
}
