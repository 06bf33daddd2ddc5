package io.secureflows.identity.app;

import io.secureflows.audit.ActorType;
import io.secureflows.audit.AuditLog;
import io.secureflows.audit.AuditRecord;
import io.secureflows.audit.Outcome;
import io.secureflows.crypto.Pkce;
import io.secureflows.crypto.RandomSecrets;
import io.secureflows.crypto.SecretDigest;
import io.secureflows.identity.domain.AuthorizationCode;
import io.secureflows.platform.tenancy.TenantScoped;
import io.secureflows.session.app.SessionRegistry;
import io.secureflows.session.domain.UserSession;
import io.secureflows.workspace.app.ApplicationService;
import io.secureflows.workspace.app.ClientRoute;
import io.secureflows.workspace.domain.Application;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The token endpoint's grant (RFC 6749 section 4.1.3, RFC 7636): an authorization code, its PKCE
 * verifier, the client and the redirect URI it was issued for, exchanged once for a signed
 * sessionToken. A code presented a second time is taken as stolen: it fails and the session it was
 * issued for is signed out.
 */
@ApplicationScoped
public class TokenExchange {
  private static final Logger LOG = Logger.getLogger(TokenExchange.class.getName());
  private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

  @PersistenceContext EntityManager em;

  @Inject ApplicationService applications;

  @Inject SessionRegistry sessions;

  @Inject SigningKeys signingKeys;

  @Inject Clock clock;

  @Inject AuditLog auditLog;

  @Inject
  @ConfigProperty(name = "sf.token.issuer", defaultValue = "secureflows")
  String issuer;

  /** A sessionToken and what the client needs to know about it. */
  public record Issued(String token, long expiresIn, String sessionId) {}

  /** An RFC 6749 error: {@code error} code, description, HTTP status. */
  public static final class GrantRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String error;
    private final int status;

    public GrantRefused(int status, String error, String description) {
      super(description, null, false, false);
      this.error = error;
      this.status = status;
    }

    public String error() {
      return error;
    }

    public int status() {
      return status;
    }
  }

  /** The checks that need no database, made before the client is routed to its workspace. */
  public static void requireGrant(String grantType, String code) {
    if (!"authorization_code".equals(grantType)) {
      throw new GrantRefused(
          400, "unsupported_grant_type", "Only authorization_code is supported.");
    }
    if (code == null || code.isEmpty() || code.length() > 256) {
      throw new GrantRefused(400, "invalid_request", "code is required.");
    }
  }

  /**
   * Redeems a code inside the routed client's workspace.
   *
   * @throws GrantRefused for anything but a valid, fresh, first use of a code by its own client
   */
  @TenantScoped
  @Transactional(dontRollbackOn = GrantRefused.class)
  public Issued exchange(ClientRoute client, String code, String verifier, String redirectUri) {
    requireGrant("authorization_code", code);
    Application application =
        applications
            .findByClientId(client)
            .orElseThrow(() -> new GrantRefused(401, "invalid_client", "Unknown client."));
    AuthorizationCode grant =
        em.createQuery(
                "select c from AuthorizationCode c where c.codeHash = :hash",
                AuthorizationCode.class)
            .setParameter("hash", SecretDigest.sha256(code))
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> invalidGrant());
    var now = clock.instant();
    if (grant.isUsed()) {
      sessions.signOut(grant.workspaceId(), grant.sessionId());
      auditLog.record(
          new AuditRecord(
              grant.workspaceId(),
              ActorType.ANONYMOUS,
              null,
              "token.code_replayed",
              Outcome.DENIED,
              grant.applicationId(),
              grant.sessionId(),
              "session:" + grant.sessionId() + " signed out",
              null));
      LOG.warning(
          "Authorization code replayed: session "
              + grant.sessionId()
              + " of workspace "
              + grant.workspaceId()
              + " signed out");
      throw invalidGrant();
    }
    grant.markUsed(now);
    if (grant.isExpired(now)
        || !grant.applicationId().equals(application.id())
        || !grant.redirectUri().equals(redirectUri)
        || !Pkce.verify(verifier, grant.codeChallenge())) {
      throw invalidGrant();
    }
    UserSession session =
        sessions
            .find(grant.workspaceId(), grant.sessionId())
            .orElseThrow(TokenExchange::invalidGrant);
    long lifetime = application.tokenTtlSeconds();
    long issuedAt = now.getEpochSecond();
    String claims =
        JSON.createObjectBuilder()
            .add("iss", issuer)
            .add("aud", application.clientId())
            .add("sub", grant.userId().toString())
            .add("upn", grant.userId().toString())
            .add("sid", grant.sessionId().toString())
            .add("wid", grant.workspaceId().toString())
            .add("gen", session.tokenGeneration())
            .add("groups", JSON.createArrayBuilder().add("session"))
            .add("jti", RandomSecrets.urlSafe(16))
            .add("iat", issuedAt)
            .add("exp", issuedAt + lifetime)
            .build()
            .toString();
    return new Issued(signingKeys.sign(claims), lifetime, grant.sessionId().toString());
  }

  private static GrantRefused invalidGrant() {
    return new GrantRefused(
        400,
        "invalid_grant",
        "The code is invalid, expired, already used, or was issued to another client.");
  }
}
