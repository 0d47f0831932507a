package org.perfledger.infra.embedded;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the local run, its demo loader and the tests get a bearer token for someone: the local issuer, which signs
 * its own, or Keycloak, which knows its users ({@link KeycloakAccounts}).
 */
public interface TokenSource {

    Pattern PATH = Pattern.compile("/api/v1/districts/([^/]+)(?:/departments/([^/?]+))?");

    /** A token for {@code subject} with these roles, in {@code district} (and {@code department}, or null). */
    String token(String subject, String district, String department, Collection<String> roles);

    /**
     * A token for a request to {@code path} with the given roles, in the district the path names and for the
     * department it names (if any): how the demo loader and the tests act as the people concerned.
     */
    default String tokenFor(String path, String subject, Collection<String> roles) {
        Matcher matcher = PATH.matcher(path);
        String district = matcher.find() ? matcher.group(1) : null;
        String department = district == null ? null : matcher.group(2);
        return token(subject, district, department, roles);
    }
}
