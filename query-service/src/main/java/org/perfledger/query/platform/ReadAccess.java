package org.perfledger.query.platform;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.perfledger.kernel.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Who may read what, from the caller's token: district finance and auditors read their whole district, department
 * editors and viewers their own department, nobody another district. Data outside the caller's reach answers 404,
 * so a reader cannot even learn that it exists; a role that reads nothing gets 403.
 */
@Component
public class ReadAccess {

    private final String districtClaim;
    private final String departmentClaim;
    private final String rolesClaim;

    public ReadAccess(@Value("${perfledger.security.claims.district:district}") String districtClaim,
                      @Value("${perfledger.security.claims.department:department}") String departmentClaim,
                      @Value("${perfledger.security.claims.roles:roles}") String rolesClaim) {
        this.districtClaim = districtClaim;
        this.departmentClaim = departmentClaim;
        this.rolesClaim = rolesClaim;
    }

    /** The caller as their token says. */
    public record Reader(String subject, String district, String department, Set<Role> roles) {

        public boolean readsWholeDistrict() {
            return roles.stream().anyMatch(Role::readsWholeDistrict);
        }

        boolean readsAnything() {
            return readsWholeDistrict() || roles.contains(Role.DEPARTMENT_EDITOR) || roles.contains(Role.DEPARTMENT_VIEWER);
        }
    }

    public Reader reader() {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            throw new ForbiddenException("no caller");
        }
        Map<String, Object> claims = token.getToken().getClaims();
        Set<Role> roles = new TreeSet<>();
        if (claim(claims, rolesClaim) instanceof Collection<?> given) {
            given.forEach(role -> Role.of(String.valueOf(role)).ifPresent(roles::add));
        }
        Object district = claim(claims, districtClaim);
        Object department = claim(claims, departmentClaim);
        return new Reader(token.getToken().getSubject(), district == null ? null : district.toString(),
                department == null ? null : department.toString(), roles);
    }

    /** @throws NotFoundException for another district; ForbiddenException for a role that reads nothing */
    public Reader requireDistrict(String district) {
        Reader reader = reader();
        if (!reader.readsAnything()) {
            throw new ForbiddenException("your token's roles " + reader.roles() + " read nothing in a district");
        }
        if (!district.equals(reader.district())) {
            throw new NotFoundException("district", "district.not-found", "no district " + district + " is known");
        }
        return reader;
    }

    /** @throws NotFoundException for another district, or another department for a department-bound role */
    public Reader requireDepartment(String district, String department) {
        Reader reader = requireDistrict(district);
        if (!reader.readsWholeDistrict() && !department.equals(reader.department())) {
            throw new NotFoundException("department", "department.not-found",
                    "no department " + department + " is known in " + district);
        }
        return reader;
    }

    private static Object claim(Map<String, Object> claims, String path) {
        Object current = claims;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }
}
