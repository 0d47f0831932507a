package org.perfledger.query.platform;

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

/** Every API read needs a bearer JWT from the configured issuer; health and metrics stay open. */
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
                                "/swagger-ui.html", "/swagger-ui/**", "/actuator/metrics/**").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint((request, response, e) -> unauthenticated(response, e.getMessage())))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) -> unauthenticated(response, e.getMessage())))
                .build();
    }

    private static void unauthenticated(HttpServletResponse response, String detail) throws IOException {
        response.setStatus(401);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String safe = ("a valid bearer token is required: " + detail).replace("\\", "\\\\").replace("\"", "\\\"");
        response.getWriter().write("{\"type\":\"urn:perfledger:problem:unauthenticated\",\"status\":401,"
                + "\"title\":\"Unauthorized\",\"detail\":\"" + safe + "\",\"errors\":[{\"field\":\"Authorization\","
                + "\"rule\":\"unauthenticated\",\"message\":\"" + safe + "\"}]}");
    }
}
