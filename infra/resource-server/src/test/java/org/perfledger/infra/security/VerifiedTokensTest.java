package org.perfledger.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** A token is verified once and then remembered, but never past its expiry. */
class VerifiedTokensTest {

    private static final String ISSUER = "https://id.example.gov.cn/realms/dh";
    private static final TokenRules RULES = new TokenRules(List.of(ISSUER), null, List.of("district", "department"));

    private static JwtDecoder giving(Jwt.Builder jwt) {
        return token -> jwt.tokenValue(token).build();
    }

    private static Jwt.Builder valid() {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("dh.finance").issuer(ISSUER)
                .issuedAt(Instant.now().minusSeconds(5)).expiresAt(Instant.now().plusSeconds(600));
    }

    @Test
    void aSignedTokenWithoutExpiryIsRefusedByTheRealDecoder() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        java.security.KeyPair pair = generator.generateKeyPair();
        com.nimbusds.jwt.SignedJWT signed = new com.nimbusds.jwt.SignedJWT(
                new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.RS256),
                new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer(ISSUER).subject("dh.auditor").build());
        signed.sign(new com.nimbusds.jose.crypto.RSASSASigner(pair.getPrivate()));
        JwtDecoder real = org.springframework.security.oauth2.jwt.NimbusJwtDecoder
                .withPublicKey((java.security.interfaces.RSAPublicKey) pair.getPublic()).build();
        assertThatThrownBy(() -> new VerifiedTokens.Remembering(real, RULES).decode(signed.serialize()))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("no expiry");
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        Jwt.Builder jwt = valid().claims(claims -> claims.remove("exp"));
        assertThatThrownBy(() -> new VerifiedTokens.Remembering(giving(jwt), RULES).decode("x"))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("no expiry");
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        assertThatThrownBy(() -> new VerifiedTokens.Remembering(giving(valid().issuer("https://evil.example")), RULES)
                .decode("x")).isInstanceOf(JwtValidationException.class).hasMessageContaining("issuer");
        assertThatThrownBy(() -> new VerifiedTokens.Remembering(giving(valid().claims(c -> c.remove("iss"))), RULES)
                .decode("x")).isInstanceOf(JwtValidationException.class).hasMessageContaining("issuer");
    }

    @Test
    void aSubjectMustBeAnIdentity() {
        for (Jwt.Builder jwt : List.of(valid().claims(c -> c.remove("sub")), valid().subject("x".repeat(101)),
                valid().subject("a b"), valid().subject("a\u0000b"), valid().subject("a\ud800b"))) {
            assertThatThrownBy(() -> new VerifiedTokens.Remembering(giving(jwt), RULES).decode("x"))
                    .isInstanceOf(JwtValidationException.class).hasMessageContaining("subject");
        }
        assertThat(new VerifiedTokens.Remembering(giving(valid().subject("张三.财政局")), RULES).decode("x")
                .getSubject()).isEqualTo("张三.财政局");
    }

    @Test
    void theSubjectClaimCanBeTheUsername() {
        TokenRules rules = new TokenRules(List.of(ISSUER), null, List.of("district"), "preferred_username");
        assertThat(new VerifiedTokens.Remembering(giving(valid().claim("preferred_username", "donghu.finance")), rules)
                .decode("x").getClaimAsString("preferred_username")).isEqualTo("donghu.finance");
        assertThatThrownBy(() -> new VerifiedTokens.Remembering(giving(valid()), rules).decode("x"))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("preferred_username");
    }

    @Test
    void anAudienceIsCheckedWhenConfigured() {
        TokenRules rules = new TokenRules(List.of(ISSUER), "perfledger", List.of("district"));
        assertThatThrownBy(() -> new VerifiedTokens.Remembering(giving(valid()), rules).decode("x"))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("aud");
        assertThat(new VerifiedTokens.Remembering(giving(valid().audience(List.of("account", "perfledger"))), rules)
                .decode("x").getSubject()).isEqualTo("dh.finance");
    }

    @Test
    void overLongDistrictClaimsAreRefused() {
        assertThatThrownBy(() -> new VerifiedTokens.Remembering(giving(valid().claim("district", "d".repeat(64))),
                RULES).decode("x")).isInstanceOf(JwtValidationException.class).hasMessageContaining("district");
    }

    @Test
    void noIssuerConfiguredIsAStartUpError() {
        assertThatThrownBy(() -> new TokenRules(List.of(" "), null, List.of()))
                .isInstanceOf(IllegalStateException.class);
    }

    private static Jwt jwt(String token, Instant expiresAt) {
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("finance").issuer(ISSUER)
                .issuedAt(expiresAt.minusSeconds(600)).expiresAt(expiresAt).build();
    }

    @Test
    void aTokenIsVerifiedOnceAndRememberedAfterwards() {
        AtomicInteger verifications = new AtomicInteger();
        JwtDecoder verifying = token -> {
            verifications.incrementAndGet();
            return jwt(token, Instant.now().plusSeconds(3600));
        };
        JwtDecoder remembering = new VerifiedTokens.Remembering(verifying, RULES);
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
        JwtDecoder remembering = new VerifiedTokens.Remembering(verifying, RULES);
        assertThatThrownBy(() -> remembering.decode("old")).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThatThrownBy(() -> remembering.decode("old")).isInstanceOf(JwtValidationException.class);
        assertThat(verifications).hasValue(2);
    }
}
