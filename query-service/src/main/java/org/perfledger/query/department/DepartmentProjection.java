package org.perfledger.query.department;

import java.sql.Timestamp;
import org.perfledger.kernel.event.EventEnvelope;
import org.perfledger.kernel.event.PerfLedgerEvent;
import org.perfledger.kernel.organisation.DepartmentRegistered;
import org.perfledger.kernel.organisation.DistrictRegistered;
import org.perfledger.query.projection.Projection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The districts, and the departments of each. */
@Component
class DepartmentProjection implements Projection {

    private final JdbcTemplate jdbc;

    DepartmentProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(PerfLedgerEvent event, EventEnvelope envelope) {
        if (event instanceof DistrictRegistered registered) {
            jdbc.update("INSERT INTO district (district, name, registered_at, registered_by) VALUES (?, ?, ?, ?)",
                    registered.district().value(), registered.name(), Timestamp.from(envelope.timestamp()),
                    envelope.actor());
        }
        if (event instanceof DepartmentRegistered registered) {
            jdbc.update("""
                    INSERT INTO department (district, department_id, name, registered_at, registered_by)
                    VALUES (?, ?, ?, ?, ?)""",
                    registered.district().value(), registered.department().code().value(), registered.name(),
                    Timestamp.from(envelope.timestamp()), envelope.actor());
        }
    }
}
