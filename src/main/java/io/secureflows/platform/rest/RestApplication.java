package io.secureflows.platform.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JSON API. Resources and providers are discovered in the WAR. */
@ApplicationPath("/api")
@ApplicationScoped
public class RestApplication extends Application {}
