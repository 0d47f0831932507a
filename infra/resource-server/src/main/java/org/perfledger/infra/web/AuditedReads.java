package org.perfledger.infra.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.perfledger.kernel.security.Caller;
import org.perfledger.kernel.security.ClaimNames;
import org.perfledger.kernel.security.Role;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Records every read an auditor makes (who, which path, when, with what answer) in the service's own
 * {@code access_audit} table: one interceptor for both services. An auditor's read is a GET under {@code /api/} with a
 * token of the AUDITOR role in a district. A read is recorded before it is answered, so a read that cannot be recorded
 * is not answered (the failure to record it is the answer); its status is filled in once it was answered, 0 until then.
 */
public class AuditedReads implements HandlerInterceptor {

    /** The row of the read being answered, as a request attribute. */
    private static final String ROW = AuditedReads.class.getName() + ".row";

    private final JdbcTemplate jdbc;
    private final ClaimNames names;

    /** @param names where the service's tokens hold the subject, district, department and roles */
    public AuditedReads(JdbcTemplate jdbc, ClaimNames names) {
        this.jdbc = jdbc;
        this.names = names;
    }

    /** The auditor reading, or null when the request is not an auditor's read. */
    private Caller auditedReader(HttpServletRequest request) {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (!"GET".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/") || signedIn == null
                || !(signedIn.getPrincipal() instanceof Jwt token)) {
            return null;
        }
        Caller reader = names.caller(token.getClaims());
        return reader.has(Role.AUDITOR) && reader.district() != null ? reader : null;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Caller reader = auditedReader(request);
        if (reader != null) {
            request.setAttribute(ROW, jdbc.queryForObject("INSERT INTO access_audit (district, subject, roles, "
                            + "method, path, query, status) VALUES (?, ?, ?, ?, ?, ?, 0) RETURNING id", Long.class,
                    reader.district(), reader.subject(), reader.rolesText(), request.getMethod(),
                    request.getRequestURI(), request.getQueryString()));
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception failure) {
        if (request.getAttribute(ROW) instanceof Long row) {
            jdbc.update("UPDATE access_audit SET status = ? WHERE id = ?", response.getStatus(), row);
        }
    }
}
