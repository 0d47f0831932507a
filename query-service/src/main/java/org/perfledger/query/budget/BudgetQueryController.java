package org.perfledger.query.budget;

import java.time.Instant;
import java.util.List;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.query.platform.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BudgetQueryController {

    private final JdbcTemplate jdbc;

    BudgetQueryController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Adjustment(long sequence, WanYuan from, WanYuan to, String reason, String documentNumber, Instant at,
                      String actor, String correlationId) {
    }

    record Budget(String district, String department, int year, WanYuan initialAmount, WanYuan currentAmount,
                  long version, List<Adjustment> adjustments) {
    }

    @GetMapping("/api/v1/districts/{district}/departments/{department}/budgets/{year}")
    ResponseEntity<Budget> budget(@PathVariable("district") String district,
                                  @PathVariable("department") String department,
                                  @PathVariable("year") String year) {
        DepartmentId id = DepartmentId.of(district, department);
        FiscalYear fiscalYear = FiscalYear.parse(year);
        List<Budget> found = jdbc.query("""
                SELECT initial_amount, current_amount, version FROM department_budget
                 WHERE district = ? AND department_id = ? AND fiscal_year = ?""",
                (row, n) -> new Budget(district, department, fiscalYear.value(),
                        new WanYuan(row.getBigDecimal(1)), new WanYuan(row.getBigDecimal(2)), row.getLong(3),
                        adjustments(id, fiscalYear)),
                id.district().value(), id.code().value(), fiscalYear.value());
        if (found.isEmpty()) {
            throw new NotFoundException("year", "budget.not-found",
                    "no " + fiscalYear + " budget of department " + id + " is known");
        }
        Budget budget = found.get(0);
        return ResponseEntity.ok().eTag("\"" + budget.version() + "\"").body(budget);
    }

    private List<Adjustment> adjustments(DepartmentId id, FiscalYear year) {
        return jdbc.query("""
                SELECT sequence_number, from_amount, to_amount, reason, document_number, adjusted_at, actor, correlation_id
                  FROM budget_adjustment
                 WHERE district = ? AND department_id = ? AND fiscal_year = ?
                 ORDER BY sequence_number""",
                (row, n) -> new Adjustment(row.getLong(1), new WanYuan(row.getBigDecimal(2)),
                        new WanYuan(row.getBigDecimal(3)), row.getString(4), row.getString(5),
                        row.getTimestamp(6).toInstant(), row.getString(7), row.getString(8)),
                id.district().value(), id.code().value(), year.value());
    }
}
