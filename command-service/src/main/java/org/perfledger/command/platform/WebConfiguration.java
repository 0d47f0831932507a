package org.perfledger.command.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.perfledger.infra.web.AuditedReads;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final TokenClaims claims;
    private final AuditedReads audit;
    private final DistrictShards shards;

    WebConfiguration(TokenClaims claims, JdbcTemplate jdbc, DistrictShards shards) {
        this.claims = claims;
        this.shards = shards;
        // the auditors' reads of the record this service keeps (the event log, its export, the chain)
        this.audit = new AuditedReads(jdbc, claims.names());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // another shard's district is refused before anything is read, audited or written
        registry.addInterceptor(shards);
        registry.addInterceptor(audit);
    }

    /**
     * Request bodies are at most {@code perfledger.web.max-body-size} (1 MB unless configured), an imported event log
     * {@code perfledger.web.max-import-size} (1 GB): larger get 413.
     */
    @Bean
    FilterRegistrationBean<BodySizeLimit> bodySizeLimit(
            @Value("${perfledger.web.max-body-size:1MB}") DataSize limit,
            @Value("${perfledger.web.max-import-size:1GB}") DataSize importLimit, ObjectMapper json) {
        FilterRegistrationBean<BodySizeLimit> registration = new FilterRegistrationBean<>(new BodySizeLimit(limit,
                importLimit, json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new RequestMetadataResolver(claims));
    }
}
