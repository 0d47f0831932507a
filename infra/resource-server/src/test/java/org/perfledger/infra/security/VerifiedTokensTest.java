package org.perfledger.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** A token is verified once and then remembered, but never past its expiry. */
class VerifiedTokensTest {

    private static Jwt jwt(String token, Instant expiresAt) {
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("finance")
                .issuedAt(expiresAt.minusSeconds(600)).expiresAt(expiresAt).build();
    }

    @Test
    void aTokenIsVerifiedOnceAndRememberedAfterwards() {
        AtomicInteger verifications = new AtomicInteger();
        JwtDecoder verifying = token -> {
            verifications.incrementAndGet();
            return jwt(token, Instant.now().plusSeconds(3600));
        };
        JwtDecoder remembering = new VerifiedTokens.Remembering(verifying);
        assertThat(remembering.decode("a").getSubject()).isEqualTo("finance");
        assertThat(remembering.decode("a").getSubject()).isEqualTo("finance");
        assertThat(verifications).hasValue(1);
        remembering.decode("b");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void anExpiredTokenIsRefusedAndForgotten() {
        AtomicInteger verifications = new AtomicInteger();
        JwtDecoder verifying = token -> {
            verifications.incrementAndGet();
            return jwt(token, Instant.now().minusSeconds(120));
        };
        JwtDecoder remembering = new VerifiedTokens.Remembering(verifying);
        assertThatThrownBy(() -> remembering.decode("old")).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThatThrownBy(() -> remembering.decode("old")).isInstanceOf(JwtValidationException.class);
        assertThat(verifications).hasValue(2);
    }
}
