package org.perfledger.command.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import java.util.List;
import org.perfledger.infra.security.VerifiedTokens;
import org.perfledger.infra.web.ProblemResponses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Every API request needs a bearer JWT from the configured issuer (an OIDC provider in production, the local issuer
 * in the local run and the tests); health and metrics stay open for probes and scrapers. A missing, expired or
 * foreign token gets 401 problem+json; what the caller may do is decided per command ({@link CommandPolicy}).
 */
@Configuration(proxyBeanMethods = false)
@Import({VerifiedTokens.class, ProblemResponses.class})
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> ProblemHandler.write(response, json,
                refusal(HttpStatus.UNAUTHORIZED, "unauthenticated", "a valid bearer token is required: "
                        + e.getMessage()));
        return http
                .csrf(csrf -> csrf.disable())
                .cors(Customizer.withDefaults())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        // an error dispatch answers with the original request's status (ProblemResponses)
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**",
                                "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(unauthenticated))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler((request, response, e) -> ProblemHandler.write(response, json,
                                refusal(HttpStatus.FORBIDDEN, "forbidden", e.getMessage()))))
                .build();
    }

    /**
     * The web UI is served by the query service, so its commands are cross-origin: the origins it is served from
     * ({@code perfledger.web.allowed-origins}, none by default) may send them with a bearer token. No cookies are
     * involved, so credentials stay off.
     */
    @Bean
    CorsConfigurationSource corsConfigurationSource(
            @Value("${perfledger.web.allowed-origins:}") List<String> origins) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(origins.stream().filter(origin -> !origin.isBlank()).toList());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
        cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.IF_MATCH,
                "Idempotency-Key", "X-Correlation-Id"));
        cors.setExposedHeaders(List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION, HttpHeaders.CONTENT_DISPOSITION,
                HttpHeaders.CONTENT_LENGTH));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }

    private static ProblemDetail refusal(HttpStatus status, String type, String detail) {
        return ProblemHandler.problem(status, type, detail, List.of(new FieldError("Authorization", type, detail)));
    }
}
