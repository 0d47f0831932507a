package org.perfledger.command.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API described as OpenAPI at {@code /v3/api-docs}, browsable at {@code /swagger-ui.html} (with a bearer token). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // Resolved from the path, headers and token by argument resolvers, not request parameters.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(RequestMetadata.class);
    }

    @Bean
    OpenAPI perfLedgerApi() {
        return new OpenAPI()
                .info(new Info().title("PerfLedger command API").version("v1").description(
                        "Every change to a district's budget performance management is a command: plans, budgets, "
                                + "targets, completions, monitoring, self-evaluations, schemes. Send a bearer JWT; "
                                + "the README lists the roles."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
