package io.secureflows.platform.tenancy;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Admits a verified sessionToken into the request, or refuses it (410 when its session was signed
 * out, erased or ended by policy; 401 when it names another application). Implemented by the
 * session concern; called by the {@link TenantScoped} interceptor inside the token's workspace.
 */
public interface SessionGate {
  TenantContext.LiveSession admit(JsonWebToken token);
}
