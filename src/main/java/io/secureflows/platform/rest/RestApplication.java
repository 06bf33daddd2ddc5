package io.secureflows.platform.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The JSON API. Resources and providers are discovered in the WAR. sessionTokens are verified by
 * MicroProfile JWT on every call (docs/adr/0007); admin API keys on the same {@code Authorization:
 * Bearer} header pass through an identity store of their own.
 */
@ApplicationPath("/api")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
public class RestApplication extends Application {}
