package org.perfledger.query.platform;

import java.time.Clock;
import org.perfledger.infra.web.AuditedReads;
import org.perfledger.kernel.organisation.ShardMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final AuditedReads audit;

    WebConfiguration(JdbcTemplate jdbc, ReadAccess access) {
        // the auditors' reads of the views; the access audit lists them with the command side's
        this.audit = new AuditedReads(jdbc, access.names());
    }

    /** The clock dashboards read "today" from (序时进度, what is due). */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    /**
     * Which shard keeps which district, parsed once ({@code perfledger.sharding.map}; empty: one event store and one
     * command service keep them all): the event-store reader opens a store per shard, the web UI sends each district's
     * commands to its shard's command service.
     */
    @Bean
    ShardMap shardMap(@Value("${perfledger.sharding.map:}") String map) {
        return ShardMap.parse(map);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(audit).addPathPatterns("/api/**");
    }
}
