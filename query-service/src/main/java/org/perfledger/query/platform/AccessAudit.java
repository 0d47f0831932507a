package org.perfledger.query.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.perfledger.infra.web.AuditedReads;
import org.perfledger.kernel.security.Caller;
import org.perfledger.kernel.security.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Records every read an auditor makes (who, which path, when, with what answer); district finance and auditors list
 * them with the reads of the command side's record ({@code audit.AccessAuditController}).
 */
@Component
public class AccessAudit extends AuditedReads {

    private final ReadAccess access;

    AccessAudit(JdbcTemplate jdbc, ReadAccess access) {
        super(jdbc);
        this.access = access;
    }

    @Override
    protected Caller auditedReader(HttpServletRequest request) {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken)
                || !request.getRequestURI().startsWith("/api/")) {
            return null;
        }
        Caller reader = access.reader();
        return reader.roles().contains(Role.AUDITOR) && reader.district() != null ? reader : null;
    }
}
