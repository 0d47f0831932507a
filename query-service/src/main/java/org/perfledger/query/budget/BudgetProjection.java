package org.perfledger.query.budget;

import java.sql.Timestamp;
import org.perfledger.kernel.budget.DepartmentBudgetAdjusted;
import org.perfledger.kernel.budget.DepartmentBudgetOpened;
import org.perfledger.kernel.event.EventEnvelope;
import org.perfledger.kernel.event.PerfLedgerEvent;
import org.perfledger.kernel.organisation.DepartmentRegistered;
import org.perfledger.query.projection.Projection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Departments, their budgets per year and the trail of every adjustment. */
@Component
class BudgetProjection implements Projection {

    private final JdbcTemplate jdbc;

    BudgetProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(PerfLedgerEvent event, EventEnvelope envelope) {
        Timestamp at = Timestamp.from(envelope.timestamp());
        if (event instanceof DepartmentRegistered registered) {
            jdbc.update("""
                    INSERT INTO department (district, department_id, name, registered_at, registered_by)
                    VALUES (?, ?, ?, ?, ?)""",
                    registered.district().value(), registered.department().code().value(), registered.name(), at,
                    envelope.actor());
        } else if (event instanceof DepartmentBudgetOpened opened) {
            jdbc.update("""
                    INSERT INTO department_budget (district, department_id, fiscal_year, initial_amount, current_amount,
                                                   version, opened_at, opened_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                    opened.district().value(), opened.department().code().value(), opened.year().value(),
                    opened.initialAmount().amount(), opened.initialAmount().amount(), envelope.sequence(), at,
                    envelope.actor());
        } else if (event instanceof DepartmentBudgetAdjusted adjusted) {
            String district = adjusted.district().value();
            String department = adjusted.department().code().value();
            int year = adjusted.year().value();
            jdbc.update("""
                    INSERT INTO budget_adjustment (district, department_id, fiscal_year, sequence_number, from_amount,
                                                   to_amount, reason, document_number, adjusted_at, actor,
                                                   correlation_id, event_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    district, department, year, envelope.sequence(), adjusted.from().amount(), adjusted.to().amount(),
                    adjusted.reason(), adjusted.documentNumber().value(), at, envelope.actor(),
                    envelope.correlationId(), envelope.eventId());
            jdbc.update("""
                    UPDATE department_budget SET current_amount = ?, version = ?
                     WHERE district = ? AND department_id = ? AND fiscal_year = ?""",
                    adjusted.to().amount(), envelope.sequence(), district, department, year);
        }
    }
}
