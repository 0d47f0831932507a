package org.perfledger.infra.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.perfledger.kernel.security.ClaimNames;
import org.perfledger.kernel.security.Identity;
import org.perfledger.kernel.text.UnicodeText;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * What a token must carry before anything runs, whichever way the signature was checked (a provider's keys or a
 * public key file): an expiry ({@code exp}), an accepted issuer ({@code iss}), the configured audience if one is set
 * ({@code aud}), and a subject ({@code sub}, or {@code perfledger.security.claims.subject}) that is a valid
 * {@link Identity}; claims PerfLedger reads (district, department) are
 * short codes. Settings: {@code perfledger.security.issuers} (comma-separated; by default the provider's
 * {@code issuer-uri}) and {@code perfledger.security.audience} (empty: not checked).
 */
public final class TokenRules {

    /** Longest district or department claim read: their codes are at most 63 characters. */
    static final int MAX_CODE_CLAIM = 63;

    private final Set<String> issuers;
    private final String audience;
    private final List<String> codeClaims;
    private final ClaimNames names;

    TokenRules(Collection<String> issuers, String audience, List<String> codeClaims) {
        this(issuers, audience, codeClaims, "sub");
    }

    TokenRules(Collection<String> issuers, String audience, List<String> codeClaims, String subjectClaim) {
        this.names = new ClaimNames(subjectClaim, "district", "department", "roles");
        this.issuers = issuers.stream().map(String::strip).filter(issuer -> !issuer.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        this.audience = audience == null || audience.isBlank() ? null : audience.strip();
        this.codeClaims = List.copyOf(codeClaims);
        if (this.issuers.isEmpty()) {
            throw new IllegalStateException("no accepted token issuer: set perfledger.security.issuers (or "
                    + "spring.security.oauth2.resourceserver.jwt.issuer-uri)");
        }
    }

    static TokenRules from(Environment environment) {
        String issuers = environment.getProperty("perfledger.security.issuers", "");
        if (issuers.isBlank()) {
            issuers = environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", "");
        }
        return new TokenRules(List.of(issuers.split(",")), environment.getProperty("perfledger.security.audience"),
                List.of(environment.getProperty("perfledger.security.claims.district", "district"),
                        environment.getProperty("perfledger.security.claims.department", "department")),
                environment.getProperty("perfledger.security.claims.subject", "sub"));
    }

    /** Every rule the token breaks (none: it may be used). */
    OAuth2TokenValidatorResult validate(Jwt jwt) {
        List<OAuth2Error> errors = new ArrayList<>();
        if (jwt.getExpiresAt() == null) {
            errors.add(invalid("the token has no expiry (exp)"));
        }
        Object issuer = jwt.getClaims().get("iss");
        if (issuer == null || !issuers.contains(issuer.toString())) {
            errors.add(invalid("the token is not from an accepted issuer"));
        }
        if (audience != null && (jwt.getAudience() == null || !jwt.getAudience().contains(audience))) {
            errors.add(invalid("the token is not meant for PerfLedger (aud)"));
        }
        Identity.problem(names.caller(jwt.getClaims()).subject()).ifPresent(problem -> errors.add(invalid(
                "the token's subject (" + names.subject() + ") " + problem)));
        for (String claim : codeClaims) {
            Object value = jwt.getClaims().get(claim);
            if (value != null && (!(value instanceof String text) || text.length() > MAX_CODE_CLAIM
                    || !UnicodeText.isWellFormed(text))) {
                errors.add(invalid("the token's " + claim + " claim is not a code of at most " + MAX_CODE_CLAIM
                        + " characters"));
            }
        }
        return errors.isEmpty() ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(errors);
    }

    private static OAuth2Error invalid(String description) {
        return new OAuth2Error("invalid_token", description, null);
    }
}
