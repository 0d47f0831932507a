package org.perfledger.kernel.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a token carries PerfLedger's claims. The names are settings so that any OIDC provider fits: Keycloak, for
 * one, puts roles under {@code realm_access.roles}, so a name may be a dotted path into nested claims. The subject,
 * who acted in every event, is {@code sub} unless configured: with Keycloak, {@code preferred_username} names a
 * person as auditors read it, where {@code sub} is a UUID.
 */
public record ClaimNames(String subject, String district, String department, String roles) {

    /** With the subject in {@code sub}. */
    public ClaimNames(String district, String department, String roles) {
        this("sub", district, department, roles);
    }

    /** The caller a token's claims describe; unknown role names are ignored. */
    public Caller caller(Map<String, Object> claims) {
        Object who = claim(claims, subject);
        return caller(who == null ? null : who.toString(), claims);
    }

    /** The caller with this subject and the other claims; unknown role names are ignored. */
    public Caller caller(String subject, Map<String, Object> claims) {
        Set<Role> granted = new LinkedHashSet<>();
        if (claim(claims, roles) instanceof Collection<?> given) {
            for (Object role : given) {
                Role.of(String.valueOf(role)).ifPresent(granted::add);
            }
        }
        Object inDistrict = claim(claims, district);
        Object ofDepartment = claim(claims, department);
        return new Caller(subject, inDistrict == null ? null : inDistrict.toString(),
                ofDepartment == null ? null : ofDepartment.toString(), granted);
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
