package io.secureflows.identity.app;

import io.secureflows.crypto.Pkce;
import io.secureflows.platform.tenancy.WorkspaceBound;
import io.secureflows.workspace.domain.Application;
import java.util.UUID;

/**
 * A checked {@code /login/authorize} request: a known client, a redirect URI that exactly matches
 * one it registered, {@code response_type=code}, and an S256 PKCE challenge. Only a request that
 * passed these checks may ever redirect.
 */
public record AuthorizationRequest(
    Application application,
    String redirectUri,
    String state,
    String codeChallenge,
    String workspaceName)
    implements WorkspaceBound {

  @Override
  public UUID workspaceId() {
    return application.workspaceId();
  }

  /** The raw parameters as the browser sent them. */
  public record Parameters(
      String clientId,
      String redirectUri,
      String responseType,
      String state,
      String codeChallenge,
      String codeChallengeMethod) {}

  /** Why a request was refused; the page shows it and never redirects. */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Refused(String reason) {
      super(reason, null, false, false);
    }
  }

  static void requireProtocol(Parameters p) {
    if (!"code".equals(p.responseType())) {
      throw new Refused("This sign-in link is not valid: response_type must be code.");
    }
    if (!Pkce.METHOD.equals(p.codeChallengeMethod()) || !Pkce.isValidChallenge(p.codeChallenge())) {
      throw new Refused(
          "This sign-in link is not valid: a PKCE code_challenge with code_challenge_method=S256 is required.");
    }
    if (p.state() != null && p.state().length() > 512) {
      throw new Refused("This sign-in link is not valid: state is too long.");
    }
  }
}
