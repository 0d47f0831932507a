package org.perfledger.query.audit;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.perfledger.kernel.security.Caller;
import org.perfledger.query.platform.NotFoundException;
import org.perfledger.query.platform.ReadAccess;
import org.perfledger.query.platform.TenantReads;
import org.perfledger.query.replay.EventStoreReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the district's auditors read, newest first, for district finance and the auditors themselves: the reads of
 * this service's views and of the record the command side keeps (event log, export, chain), each with its
 * {@code service}.
 */
@RestController
class AccessAuditController {

    private static final int LIMIT = 500;

    private final JdbcTemplate jdbc;
    private final ReadAccess access;
    private final TenantReads reads;
    private final EventStoreReader store;

    AccessAuditController(JdbcTemplate jdbc, ReadAccess access, TenantReads reads, EventStoreReader store) {
        this.jdbc = jdbc;
        this.access = access;
        this.reads = reads;
        this.store = store;
    }

    @GetMapping("/api/v1/districts/{district}/access-audit")
    List<Map<String, Object>> reads(@PathVariable("district") String district) {
        Caller reader = access.requireDistrict(district);
        if (!reader.readsWholeDistrict()) {
            throw new NotFoundException("district", "audit.not-found", "no access audit of " + district + " is known");
        }
        List<Map<String, Object>> all = new ArrayList<>();
        reads.inDistrict(district, () -> jdbc.queryForList("SELECT 'query' AS service, subject, roles, method, path, "
                + "query, status, read_at FROM access_audit ORDER BY read_at DESC LIMIT " + LIMIT)).forEach(all::add);
        store.accessAudit(district, LIMIT).forEach(row -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("service", "command");
            entry.putAll(row);
            all.add(entry);
        });
        all.sort(Comparator.comparing((Map<String, Object> row) -> (Timestamp) row.get("read_at")).reversed());
        return all.subList(0, Math.min(LIMIT, all.size()));
    }
}
