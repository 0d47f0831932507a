package org.perfledger.query.replay;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Every connection of the service's pool opens with the read models on its search path and the temporary copies a
 * view as of an instant replays into ({@link ReadModelTables#connectionSetup}), so no reader waits for them to be
 * made: the pool opens connections in the background, at start and whenever it renews one. The connections it opened
 * before the migrations ran are renewed as soon as they are done, so every copy has its table's present layout.
 */
@Configuration(proxyBeanMethods = false)
class TemporaryCopiesConfiguration {

    @Bean
    static BeanPostProcessor connectionsWithTemporaryCopies(Environment environment) {
        String schema = environment.getProperty("spring.flyway.default-schema", "readmodel");
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource pool && pool.getHikariPoolMXBean() == null) {
                    pool.setConnectionInitSql(ReadModelTables.connectionSetup(schema));
                }
                return bean;
            }
        };
    }

    @Bean
    FlywayMigrationStrategy migrateThenRenewConnections(DataSource dataSource) {
        return flyway -> {
            flyway.migrate();
            try {
                if (dataSource.isWrapperFor(HikariDataSource.class)) {
                    HikariPoolMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
                    if (pool != null) {
                        pool.softEvictConnections();
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("the connections opened before the migrations could not be renewed",
                        e);
            }
        };
    }
}
