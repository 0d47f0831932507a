package org.perfledger.command.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every API request needs a bearer JWT from the configured issuer (an OIDC provider in production, the local issuer
 * in the local run and the tests); health and metrics stay open for probes and scrapers. A missing, expired or
 * foreign token gets 401 problem+json; what the caller may do is decided per command ({@link CommandPolicy}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**",
                                "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint((request, response, e) -> problem(response, 401, "unauthenticated",
                                "a valid bearer token is required: " + e.getMessage())))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) -> problem(response, 401, "unauthenticated",
                                "a valid bearer token is required: " + e.getMessage()))
                        .accessDeniedHandler((request, response, e) -> problem(response, 403, "forbidden",
                                e.getMessage())))
                .build();
    }

    static void problem(HttpServletResponse response, int status, String type, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String safe = detail == null ? "" : detail.replace("\\", "\\\\").replace("\"", "\\\"");
        response.getWriter().write("{\"type\":\"" + ProblemHandler.TYPE_BASE + type + "\",\"status\":" + status
                + ",\"title\":\"" + (status == 401 ? "Unauthorized" : "Forbidden") + "\",\"detail\":\"" + safe
                + "\",\"errors\":[{\"field\":\"Authorization\",\"rule\":\"" + type + "\",\"message\":\"" + safe
                + "\"}]}");
    }
}
