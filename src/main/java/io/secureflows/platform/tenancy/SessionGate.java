package io.secureflows.platform.tenancy;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Admits a verified sessionToken into the request, or refuses it (410 when its session was signed
 * out, erased or ended by policy; 401 when it names another application, or the request says it
 * comes from another one). Implemented by the session concern; called by the {@link TenantScoped}
 * interceptor inside the token's workspace.
 */
public interface SessionGate {
  /** The request header in which an application's back end names itself by its client id. */
  String CLIENT_ID_HEADER = "SecureFlows-Client-Id";

  TenantContext.LiveSession admit(JsonWebToken token, Presenter presenter);

  /**
   * Who the request says presents the token: the client id in {@link #CLIENT_ID_HEADER} and the
   * browser's {@code Origin}, each null when absent.
   */
  record Presenter(String clientId, String origin) {}
}
