package org.perfledger.query.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API described as OpenAPI at {@code /v3/api-docs}, browsable at {@code /swagger-ui.html} (with a bearer token). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI perfLedgerApi() {
        return new OpenAPI()
                .info(new Info().title("PerfLedger query API").version("v1").description(
                        "Plans, scorecards, calendars and audits as district finance, departments and auditors read "
                                + "them. Send a bearer JWT; reads are scoped to its district and, for editors and "
                                + "viewers, to their department."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
