package org.perfledger.command.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every API request needs a bearer JWT from the configured issuer (an OIDC provider in production, the local issuer
 * in the local run and the tests); health and metrics stay open for probes and scrapers. A missing, expired or
 * foreign token gets 401 problem+json; what the caller may do is decided per command ({@link CommandPolicy}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> ProblemHandler.write(response, json,
                refusal(HttpStatus.UNAUTHORIZED, "unauthenticated", "a valid bearer token is required: "
                        + e.getMessage()));
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
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

    private static ProblemDetail refusal(HttpStatus status, String type, String detail) {
        return ProblemHandler.problem(status, type, detail, List.of(new FieldError("Authorization", type, detail)));
    }
}
