package org.perfledger.command.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.perfledger.infra.web.AuditedReads;
import org.perfledger.kernel.security.Caller;
import org.perfledger.kernel.security.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Records every read an auditor makes of the record this service keeps (who, which path, when, with what answer), as
 * the query service records the reads of its views; it lists both.
 */
@Component
class AccessAudit extends AuditedReads {

    private final TokenClaims claims;

    AccessAudit(JdbcTemplate jdbc, TokenClaims claims) {
        super(jdbc);
        this.claims = claims;
    }

    @Override
    protected Caller auditedReader(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/")
                || !(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            return null;
        }
        Caller reader = claims.caller(token.getToken());
        return reader.has(Role.AUDITOR) && reader.district() != null ? reader : null;
    }
}
