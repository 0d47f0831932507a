package org.perfledger.query.platform;

import org.perfledger.kernel.security.Caller;
import org.perfledger.kernel.security.ClaimNames;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.security.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Who may read what, from the caller's token: district finance and auditors read their whole district, department
 * editors and viewers their own department, evaluators the plans evaluations were commissioned from them of, nobody
 * another district. Data outside the caller's reach answers 404,
 * so a reader cannot even learn that it exists; a role that reads nothing gets 403.
 */
@Component
public class ReadAccess {

    private final ClaimNames names;
    private final JdbcTemplate jdbc;

    public ReadAccess(JdbcTemplate jdbc, @Value("${perfledger.security.claims.subject:sub}") String subjectClaim,
                      @Value("${perfledger.security.claims.district:district}") String districtClaim,
                      @Value("${perfledger.security.claims.department:department}") String departmentClaim,
                      @Value("${perfledger.security.claims.roles:roles}") String rolesClaim) {
        this.names = new ClaimNames(subjectClaim, districtClaim, departmentClaim, rolesClaim);
        this.jdbc = jdbc;
    }

    /** Where the tokens hold the subject, district, department and roles. */
    public ClaimNames names() {
        return names;
    }

    /** The caller as their token says. */
    public Caller reader() {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            throw new ForbiddenException("no caller");
        }
        return names.caller(token.getToken().getClaims());
    }

    /** @throws NotFoundException for another district; ForbiddenException for a role that reads nothing */
    public Caller requireDistrict(String district) {
        Caller reader = reader();
        if (!reader.readsAnything()) {
            throw new ForbiddenException("your token's roles [" + reader.rolesText() + "] read nothing in a district");
        }
        return inOwnDistrict(reader, district);
    }

    /**
     * Whoever reads the district, or an evaluator of it, who reads there only what was commissioned from it.
     *
     * @throws NotFoundException for another district; ForbiddenException for a role that reads nothing
     */
    public Caller requireDistrictOrEvaluator(String district) {
        Caller evaluator = evaluatorOnly();
        return evaluator == null ? requireDistrict(district) : inOwnDistrict(evaluator, district);
    }

    private static Caller inOwnDistrict(Caller reader, String district) {
        if (!district.equals(reader.district())) {
            throw new NotFoundException("district", "district.not-found", "no district " + district + " is known");
        }
        return reader;
    }

    /** @throws NotFoundException for another district, or another department for a department-bound role */
    public Caller requireDepartment(String district, String department) {
        Caller reader = requireDistrict(district);
        if (!reader.readsWholeDistrict() && !department.equals(reader.department())) {
            throw new NotFoundException("department", "department.not-found",
                    "no department " + department + " is known in " + district);
        }
        return reader;
    }

    /**
     * Whoever reads the department reads its plans; an evaluator (who reads nothing else) reads a plan an evaluation
     * was commissioned from them of.
     *
     * @param project null for the department-wide plan
     * @throws NotFoundException for a plan outside the caller's reach
     */
    public Caller requirePlan(String district, String department, String year, String project) {
        Caller reader = evaluatorOnly();
        if (reader == null) {
            return requireDepartment(district, department);
        }
        if (!district.equals(reader.district()) || !year.matches("\\d{4}") || !Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM plan_evaluation WHERE district = ? AND department_id = ? AND "
                        + "fiscal_year = ? AND plan_key = ? AND evaluator = ?)", Boolean.class, district, department,
                Integer.parseInt(year), project == null ? PlanId.DEPARTMENT_WIDE : project, reader.subject()))) {
            throw new NotFoundException("plan", "plan.not-found", "no such plan is known to you");
        }
        return reader;
    }

    /** The caller when their token makes them an evaluator and nothing that reads more; null otherwise. */
    private Caller evaluatorOnly() {
        Caller reader = reader();
        return !reader.readsAnything() && reader.has(Role.EVALUATOR) ? reader : null;
    }
}
