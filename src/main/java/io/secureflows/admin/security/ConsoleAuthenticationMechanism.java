package io.secureflows.admin.security;

import io.secureflows.operator.app.OperatorAccounts;
import io.secureflows.platform.tenancy.Caller;
import io.secureflows.platform.tenancy.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The console's form sign-in. The sign-in view hands a {@link ConsoleCredential} over through
 * {@code SecurityContext.authenticate}; a success gets a new session id (no fixation) and a {@link
 * ConsoleSignIn} in the session. Every later request reads the account again and makes it the
 * request's caller, so disabling an account or changing its role takes effect at the next click.
 * Anything under {@code /admin} but the sign-in view needs a signed-in session; others are sent to
 * the sign-in view (an Ajax request gets a Faces partial-response redirect). A session ends after
 * 15 minutes without a click or 8 hours after sign-in, whichever comes first.
 */
@ApplicationScoped
public class ConsoleAuthenticationMechanism implements HttpAuthenticationMechanism {
  static final String CONSOLE = "/admin";
  static final String SIGN_IN_VIEW = CONSOLE + "/login.xhtml";

  /** A console session ends after this long without a click (live refreshes do not count). */
  static final Duration IDLE = Duration.ofMinutes(15);

  private static final String LAST_ACTIVITY =
      ConsoleAuthenticationMechanism.class.getName() + ".last";
  private static final String LIVE_POLL = "livePoll";

  @Inject OperatorAccounts accounts;

  @Inject CallerContext callers;

  @Inject Clock clock;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    if (context.isAuthenticationRequest()
        && context.getAuthParameters().getCredential() instanceof ConsoleCredential credential) {
      return signIn(request, context, credential);
    }
    if (SIGN_IN_VIEW.equals(request.getServletPath())) {
      // The sign-in view needs no caller; whoever signs in there replaces the session's account.
      return context.doNothing();
    }
    HttpSession session = request.getSession(false);
    if (session != null
        && session.getAttribute(ConsoleSignIn.SESSION_ATTRIBUTE) instanceof ConsoleSignIn signIn) {
      Instant now = clock.instant();
      Optional<Caller> caller =
          signIn.isExpired(now) || isIdle(session, now)
              ? Optional.empty()
              : accounts.current(signIn.operatorId());
      if (caller.isPresent()) {
        if (!isLiveRefresh(request)) {
          session.setAttribute(LAST_ACTIVITY, now);
        }
        return signedIn(context, caller.get());
      }
      session.invalidate();
    }
    return sendToSignIn(request, response, context);
  }

  /**
   * Idle for longer than {@link #IDLE}: the container's session timeout cannot see this, because
   * the dashboard's and the keys page's live refresh keep the HTTP session alive.
   */
  private static boolean isIdle(HttpSession session, Instant now) {
    return session.getAttribute(LAST_ACTIVITY) instanceof Instant last
        && !last.plus(IDLE).isAfter(now);
  }

  /** A page refreshing itself ({@code p:poll} components are all named {@code livePoll}). */
  static boolean isLiveRefresh(HttpServletRequest request) {
    String source = request.getParameter("jakarta.faces.source");
    return source != null && (source.equals(LIVE_POLL) || source.endsWith(":" + LIVE_POLL));
  }

  private AuthenticationStatus signIn(
      HttpServletRequest request, HttpMessageContext context, ConsoleCredential credential) {
    Optional<Caller> caller =
        accounts.signIn(
            credential.username(),
            credential.password(),
            credential.code(),
            request.getRemoteAddr());
    if (caller.isEmpty()) {
      return AuthenticationStatus.SEND_FAILURE;
    }
    if (request.getSession(false) != null) {
      request.changeSessionId();
    }
    Instant now = clock.instant();
    HttpSession session = request.getSession(true);
    session.setAttribute(
        ConsoleSignIn.SESSION_ATTRIBUTE,
        new ConsoleSignIn(caller.get().id(), credential.username().strip(), now));
    session.setAttribute(LAST_ACTIVITY, now);
    return signedIn(context, caller.get());
  }

  private AuthenticationStatus signedIn(HttpMessageContext context, Caller caller) {
    callers.authenticate(caller);
    return context.notifyContainerAboutLogin(
        "operator:" + caller.id(), Set.of(caller.role().externalName()));
  }

  private static AuthenticationStatus sendToSignIn(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String target = request.getContextPath() + SIGN_IN_VIEW;
    if (!"partial/ajax".equals(request.getHeader("Faces-Request"))) {
      return context.redirect(target);
    }
    try {
      response.setContentType("text/xml");
      response.setCharacterEncoding("UTF-8");
      response.setHeader("Cache-Control", "no-store");
      response
          .getWriter()
          .write(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                  + target
                  + "\"/></partial-response>");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return AuthenticationStatus.SEND_CONTINUE;
  }
}
