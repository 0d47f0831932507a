package org.perfledger.query.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.perfledger.kernel.security.Caller;
import org.perfledger.kernel.security.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Records every read an auditor makes (who, which path, when, with what answer); district finance and auditors list
 * them with the reads of the command side's record ({@code audit.AccessAuditController}).
 */
@Component
public class AccessAudit implements HandlerInterceptor {

    private final JdbcTemplate jdbc;
    private final ReadAccess access;

    AccessAudit(JdbcTemplate jdbc, ReadAccess access) {
        this.jdbc = jdbc;
        this.access = access;
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
}
