package org.perfledger.query.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import org.perfledger.infra.security.VerifiedTokens;
import org.perfledger.infra.web.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/** Every API read needs a bearer JWT from the configured issuer; health and metrics stay open. */
@Configuration(proxyBeanMethods = false)
@Import({VerifiedTokens.class, ProblemResponses.class})
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            String detail = "a valid bearer token is required: " + e.getMessage();
            QueryProblemHandler.write(response, json, QueryProblemHandler.problem(HttpStatus.UNAUTHORIZED,
                    "unauthenticated", detail, "Authorization", "unauthenticated"));
        };
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        // an error dispatch answers with the original request's status (ProblemResponses)
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus", "/actuator/metrics/**", "/v3/api-docs", "/v3/api-docs/**",
                                "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        // the web UI's page and scripts: it signs in with a bearer token, as any API client does
                        .requestMatchers(HttpMethod.GET, "/", "/index.html", "/ui/**", "/webjars/**", "/_static/**",
                                "/favicon.ico").permitAll()
                        // the public disclosure site and its API: what districts published, to anyone
                        .requestMatchers(HttpMethod.GET, "/public", "/public/", "/api/v1/public/**").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(unauthenticated))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthenticated))
                .build();
    }
}
