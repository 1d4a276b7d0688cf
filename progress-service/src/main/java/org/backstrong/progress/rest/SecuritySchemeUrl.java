package org.backstrong.progress.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Points /q/openapi's OIDC security scheme at the discovery document of the realm this instance
 * trusts, quarkus.oidc.auth-server-url as configured where it runs (not where it was built).
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class SecuritySchemeUrl implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        // Without a realm OIDC refuses every token anyway; the document then lacks the URL, and says so to a linter.
        String realm = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.oidc.auth-server-url", String.class)
                .orElse(null);
        if (realm != null
                && openAPI.getComponents() != null
                && openAPI.getComponents().getSecuritySchemes() != null) {
            String discovery = realm.replaceAll("/+$", "") + "/.well-known/openid-configuration";
            openAPI.getComponents().getSecuritySchemes().values().stream()
                    .filter(scheme -> scheme.getType() == SecurityScheme.Type.OPENIDCONNECT)
                    .forEach(scheme -> scheme.setOpenIdConnectUrl(discovery));
        }
    }
}
