package org.perfledger.query.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.perfledger.kernel.security.Caller;
import org.perfledger.kernel.security.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Records every read an auditor makes (who, which path, when, with what answer), and lets district finance and
 * auditors list them: {@code GET /api/v1/districts/{district}/access-audit}.
 */
@RestController
@Component
public class AccessAudit implements HandlerInterceptor {

    private final JdbcTemplate jdbc;
    private final ReadAccess access;
    private final TenantReads reads;

    AccessAudit(JdbcTemplate jdbc, ReadAccess access, TenantReads reads) {
        this.jdbc = jdbc;
        this.access = access;
        this.reads = reads;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception failure) {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken)
                || !request.getRequestURI().startsWith("/api/")) {
            return;
        }
        Caller reader = access.reader();
        if (!reader.roles().contains(Role.AUDITOR) || reader.district() == null) {
            return;
        }
        jdbc.update("INSERT INTO access_audit (district, subject, roles, method, path, query, status) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)", reader.district(), reader.subject(),
                reader.rolesText(), request.getMethod(),
                request.getRequestURI(), request.getQueryString(), response.getStatus());
    }

    @GetMapping("/api/v1/districts/{district}/access-audit")
    List<Map<String, Object>> reads(@PathVariable("district") String district) {
        Caller reader = access.requireDistrict(district);
        if (!reader.readsWholeDistrict()) {
            throw new NotFoundException("district", "audit.not-found", "no access audit of " + district + " is known");
        }
        return reads.inDistrict(district, () -> jdbc.queryForList("SELECT subject, roles, method, path, query, status, "
                + "read_at FROM access_audit ORDER BY id DESC LIMIT 500"));
    }
}
