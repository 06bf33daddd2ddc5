package io.secureflows.platform.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The JSON API. Resources and providers are discovered in the WAR. sessionTokens are verified by
 * MicroProfile JWT on every call (docs/adr/0007); admin API keys on the same {@code Authorization:
 * Bearer} header pass through an identity store of their own.
 */
@ApplicationPath("/api")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
@OpenAPIDefinition(
    info =
        @Info(
            title = "secureFlows API",
            version = "v1",
            description =
                "Hosted-login token exchange, the per-user session payload API (sessionToken) and"
                    + " the admin API (API key). Reference: docs/api-reference.md.",
            license = @License(name = "Apache-2.0")))
@SecurityScheme(
    securitySchemeName = "sessionToken",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT",
    description = "A sessionToken from POST /api/v1/token, for /api/v1/session")
@SecurityScheme(
    securitySchemeName = "apiKey",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description = "An admin API key (sfk_…), for /api/v1/admin")
public class RestApplication extends Application {}
