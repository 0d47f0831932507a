package org.perfledger.infra.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * A token's signature is checked once, not on every request it comes with: the decoded token is kept, by its exact
 * text, until it expires (and for at most ten minutes), so a client's hundreds of requests with one token cost one RSA
 * verification. Expiry is checked on every use. (The profile of the command benchmark had a third of the service's
 * CPU in RSA verification.) Before a token is first kept it must also pass {@link TokenRules}. Each service imports it
 * into its security configuration.
 */
@Configuration(proxyBeanMethods = false)
public class VerifiedTokens {

    @Bean
    static BeanPostProcessor rememberVerifiedTokens(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof Remembering)
                        ? new Remembering(decoder, TokenRules.from(environment)) : bean;
            }
        };
    }

    static final class Remembering implements JwtDecoder {
        /** As Spring Security's own timestamp check allows. */
        private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
        private final JwtDecoder decoder;
        private final Cache<String, Jwt> verified = Caffeine.newBuilder().maximumSize(10_000)
                .expireAfterWrite(Duration.ofMinutes(10)).build();

        private final TokenRules rules;

        Remembering(JwtDecoder decoder, TokenRules rules) {
            this.decoder = decoder;
            this.rules = rules;
        }

        @Override
        public Jwt decode(String token) {
            Jwt jwt = verified.get(token, this::verify);
            if (jwt.getExpiresAt() != null && !jwt.getExpiresAt().isAfter(Instant.now().minus(CLOCK_SKEW))) {
                verified.invalidate(token);
                throw new JwtValidationException("the token expired at " + jwt.getExpiresAt(),
                        List.of(new OAuth2Error("invalid_token", "the token has expired", null)));
            }
            return jwt;
        }

        /** Signature and timestamps by the provider's decoder, then PerfLedger's own rules; only a valid token is kept. */
        private Jwt verify(String token) {
            Jwt jwt = decoder.decode(token);
            OAuth2TokenValidatorResult result = rules.validate(jwt);
            if (result.hasErrors()) {
                throw new JwtValidationException(result.getErrors().stream().map(OAuth2Error::getDescription)
                        .collect(Collectors.joining("; ")), result.getErrors());
            }
            return jwt;
        }
    }
}
