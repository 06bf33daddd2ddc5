package io.secureflows.identity.app;

import io.secureflows.audit.ActorType;
import io.secureflows.audit.AuditLog;
import io.secureflows.audit.AuditRecord;
import io.secureflows.audit.Outcome;
import io.secureflows.crypto.PasswordHasher;
import io.secureflows.crypto.RandomSecrets;
import io.secureflows.crypto.SecretDigest;
import io.secureflows.identity.domain.AuthorizationCode;
import io.secureflows.identity.domain.Credentials;
import io.secureflows.identity.domain.EndUser;
import io.secureflows.identity.domain.LoginSession;
import io.secureflows.identity.domain.UserStatus;
import io.secureflows.platform.security.LockoutPolicy;
import io.secureflows.platform.tenancy.TenantScoped;
import io.secureflows.session.app.SessionRegistry;
import io.secureflows.session.domain.UserSession;
import io.secureflows.workspace.app.ApplicationService;
import io.secureflows.workspace.app.WorkspaceService;
import io.secureflows.workspace.domain.Application;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Hosted sign-in: checks an authorization request, then a user's email and password, and on success
 * continues or starts the user's session with the application and issues a one-time authorization
 * code. Every failure looks the same from outside: an unknown email, a wrong password, a disabled
 * or a locked account give the same answer after the same Argon2id work.
 */
@ApplicationScoped
@Transactional
@TenantScoped
public class HostedSignIn {
  private static final Logger LOG = Logger.getLogger(HostedSignIn.class.getName());

  @PersistenceContext EntityManager em;

  @Inject ApplicationService applications;

  @Inject WorkspaceService workspaces;

  @Inject SessionRegistry sessions;

  @Inject Clock clock;

  @Inject AuditLog auditLog;

  private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.Cost.DEFAULT);

  /**
   * Verified against when the email is unknown, so that the answer takes as long as for a known
   * one.
   */
  private final String unknownUserHash = hasher.hash(RandomSecrets.urlSafe(24).toCharArray());

  /**
   * What a successful sign-in sends the browser to: the redirect URI with the code and state, and
   * the value of a new hosted-login cookie (null when the sign-in came from an existing cookie).
   */
  public record Redirect(String location, String loginCookie) {}

  /**
   * @throws AuthorizationRequest.Refused if the request must not lead anywhere (unknown client,
   *     redirect URI not registered exactly, wrong response type, missing or non-S256 PKCE)
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public AuthorizationRequest check(AuthorizationRequest.Parameters p) {
    Application application =
        applications
            .route(p.clientId())
            .flatMap(applications::findByClientId)
            .orElseThrow(() -> new AuthorizationRequest.Refused("This application is not known."));
    if (!application.acceptsRedirect(p.redirectUri())) {
      throw new AuthorizationRequest.Refused(
          "This sign-in link is not valid: its redirect_uri is not registered for the application.");
    }
    AuthorizationRequest.requireProtocol(p);
    return new AuthorizationRequest(
        application,
        p.redirectUri(),
        p.state(),
        p.codeChallenge(),
        workspaces.displayName(application.workspaceId()));
  }

  /** Signs in; empty when the credentials do not open the account (whatever the reason). */
  public Optional<Redirect> signIn(
      AuthorizationRequest request, String email, String password, String clientAddress) {
    Application application = request.application();
    String normalised = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    char[] secret = password == null ? new char[0] : password.toCharArray();
    EndUser user =
        em.createQuery(
                "select u from EndUser u where u.workspaceId = :ws and u.email = :email",
                EndUser.class)
            .setParameter("ws", application.workspaceId())
            .setParameter("email", normalised)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst()
            .orElse(null);
    boolean passwordMatches =
        hasher.verify(secret, user == null ? unknownUserHash : user.passwordHash());
    var now = clock.instant();
    if (user == null) {
      audit(
          application,
          ActorType.ANONYMOUS,
          null,
          "login.failed",
          Outcome.FAILURE,
          null,
          "unknown account",
          clientAddress);
      return Optional.empty();
    }
    if (!passwordMatches || user.status() != UserStatus.ACTIVE || user.isLocked(now)) {
      boolean wasLocked = user.isLocked(now);
      if (!passwordMatches) {
        user.recordFailedSignIn(LockoutPolicy.DEFAULT, now);
      }
      String reason =
          !passwordMatches ? "wrong password" : wasLocked ? "account locked" : "account disabled";
      audit(
          application,
          ActorType.USER,
          user.id(),
          "login.failed",
          Outcome.FAILURE,
          null,
          "user:" + user.id() + " (" + reason + ")",
          clientAddress);
      if (!wasLocked && user.isLocked(now)) {
        audit(
            application,
            ActorType.SYSTEM,
            null,
            "account.locked",
            Outcome.SUCCESS,
            null,
            "user:" + user.id(),
            clientAddress);
      }
      return Optional.empty();
    }
    user.recordSuccessfulSignIn(now);
    if (hasher.needsRehash(user.passwordHash())) {
      // Parameters were raised since this hash was made: upgrade it while the password is at hand.
      user.changePassword(hasher.hash(secret), now);
    }
    Redirect redirect = completeSignIn(request, user, "login.succeeded", clientAddress);
    return Optional.of(redirect);
  }

  private void audit(
      Application application,
      ActorType actorType,
      UUID actorId,
      String action,
      Outcome outcome,
      UUID sessionId,
      String target,
      String clientAddress) {
    auditLog.record(
        new AuditRecord(
            application.workspaceId(),
            actorType,
            actorId == null ? null : actorId.toString(),
            action,
            outcome,
            application.id(),
            sessionId,
            target,
            clientAddress));
  }

  /** Why a self-registration was refused; shown on the page. */
  public static final class RegistrationRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RegistrationRefused(String reason) {
      super(reason, null, false, false);
    }
  }

  /**
   * Self-registration, only for an application that allows it: creates the user in the
   * application's workspace and signs it in at once.
   *
   * @throws RegistrationRefused if the application does not allow it, the input breaks a rule, or
   *     the email is taken
   */
  public Redirect register(
      AuthorizationRequest request, String email, String password, String clientAddress) {
    Application application = request.application();
    if (!application.registrationAllowed()) {
      throw new RegistrationRefused("This application does not offer registration.");
    }
    java.util.List<io.secureflows.platform.error.FieldError> errors = new java.util.ArrayList<>();
    String normalised = Credentials.email(email, errors);
    Credentials.password(password, errors);
    if (!errors.isEmpty()) {
      throw new RegistrationRefused(
          "Use a valid email address and a password of "
              + Credentials.MIN_PASSWORD
              + " to "
              + Credentials.MAX_PASSWORD
              + " characters.");
    }
    boolean taken =
        !em.createQuery(
                "select u.id from EndUser u where u.workspaceId = :ws and u.email = :email",
                UUID.class)
            .setParameter("ws", application.workspaceId())
            .setParameter("email", normalised)
            .getResultList()
            .isEmpty();
    if (taken) {
      throw new RegistrationRefused(
          "This email cannot be registered. If it is yours, sign in instead.");
    }
    var now = clock.instant();
    EndUser user =
        new EndUser(
            application.workspaceId(), normalised, hasher.hash(password.toCharArray()), now);
    em.persist(user);
    em.flush();
    Redirect redirect = completeSignIn(request, user, "user.registered", clientAddress);
    return redirect;
  }

  /**
   * A returning browser: its hosted-login cookie, if still valid for this application's workspace
   * and for an active, unlocked user, gets a code without the password.
   */
  public Optional<Redirect> resume(
      AuthorizationRequest request, String loginCookie, String clientAddress) {
    Optional<LoginCookie> cookie = LoginCookie.parse(loginCookie);
    if (cookie.isEmpty() || !cookie.get().workspaceId().equals(request.workspaceId())) {
      return Optional.empty();
    }
    var now = clock.instant();
    return loginSession(cookie.get())
        .filter(l -> l.isValid(now))
        .filter(l -> l.workspaceId().equals(request.application().workspaceId()))
        .map(l -> em.find(EndUser.class, l.userId()))
        .filter(u -> u.status() == UserStatus.ACTIVE && !u.isLocked(now))
        .map(
            u -> {
              IssuedCode issued = issueCode(request, u);
              audit(
                  request.application(),
                  ActorType.USER,
                  u.id(),
                  "login.resumed",
                  Outcome.SUCCESS,
                  issued.sessionId(),
                  "user:" + u.id(),
                  clientAddress);
              Redirect redirect = new Redirect(issued.location(), null);
              return redirect;
            });
  }

  /** Ends the hosted-login cookie's sign-in; the applications' sessions are not touched. */
  public void logout(LoginCookie loginCookie) {
    loginSession(loginCookie).ifPresent(l -> l.revoke(clock.instant()));
  }

  /**
   * A user is signed in: a new hosted-login cookie (never the old one: no fixation), a code for the
   * application's session, and the audit record.
   */
  private Redirect completeSignIn(
      AuthorizationRequest request, EndUser user, String action, String clientAddress) {
    String cookie = LoginCookie.issue(user.workspaceId()).value();
    em.persist(
        new LoginSession(
            SecretDigest.sha256(cookie), user.workspaceId(), user.id(), clock.instant()));
    IssuedCode issued = issueCode(request, user);
    audit(
        request.application(),
        ActorType.USER,
        user.id(),
        action,
        Outcome.SUCCESS,
        issued.sessionId(),
        "user:" + user.id(),
        clientAddress);
    return new Redirect(issued.location(), cookie);
  }

  private Optional<LoginSession> loginSession(LoginCookie loginCookie) {
    return em.createQuery(
            "select l from LoginSession l where l.cookieHash = :hash", LoginSession.class)
        .setParameter("hash", SecretDigest.sha256(loginCookie.value()))
        .getResultStream()
        .findFirst();
  }

  /** A code issued: where the browser goes, and the session the code belongs to. */
  private record IssuedCode(String location, UUID sessionId) {}

  private IssuedCode issueCode(AuthorizationRequest request, EndUser user) {
    Application application = request.application();
    var now = clock.instant();
    UserSession session =
        sessions.continueOrStart(
            application.workspaceId(),
            application.id(),
            user.id(),
            SessionRegistry.lifetimeOf(application));
    em.flush();
    String code = RandomSecrets.urlSafe(32);
    em.persist(
        new AuthorizationCode(
            SecretDigest.sha256(code),
            application.workspaceId(),
            application.id(),
            user.id(),
            session.id(),
            request.redirectUri(),
            request.codeChallenge(),
            now));
    String separator = request.redirectUri().contains("?") ? "&" : "?";
    String location =
        request.redirectUri()
            + separator
            + "code="
            + URLEncoder.encode(code, StandardCharsets.UTF_8)
            + (request.state() == null
                ? ""
                : "&state=" + URLEncoder.encode(request.state(), StandardCharsets.UTF_8));
    return new IssuedCode(location, session.id());
  }
}
