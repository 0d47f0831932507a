package org.perfledger.command.platform;

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
 * Records every read an auditor makes of the record this service keeps (who, which path, when, with what answer), as
 * the query service records the reads of its views; it lists both.
 */
@Component
class AccessAudit implements HandlerInterceptor {

    private final JdbcTemplate jdbc;
    private final TokenClaims claims;

    AccessAudit(JdbcTemplate jdbc, TokenClaims claims) {
        this.jdbc = jdbc;
        this.claims = claims;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception failure) {
        if (!"GET".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/")
                || !(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            return;
        }
        Caller reader = claims.caller(token.getToken());
        if (!reader.has(Role.AUDITOR) || reader.district() == null) {
            return;
        }
        jdbc.update("INSERT INTO access_audit (district, subject, roles, method, path, query, status) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)", reader.district(), reader.subject(), reader.rolesText(),
                request.getMethod(), request.getRequestURI(), request.getQueryString(), response.getStatus());
    }
}
