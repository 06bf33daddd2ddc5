package io.secureflows.identity.api;

import io.secureflows.identity.app.AuthorizationRequest;

/**
 * The hosted sign-in page and its error page: plain server-rendered HTML that works without
 * JavaScript, with labels, autocomplete hints and errors announced to assistive technology. Every
 * value is HTML-escaped.
 */
final class LoginPage {
  private LoginPage() {}

  static String form(AuthorizationRequest request, String csrf, String email, String error) {
    String alert =
        error == null
            ? ""
            : "<p id=\"error\" class=\"error\" role=\"alert\">" + escape(error) + "</p>";
    return page(
        "Sign in to " + request.application().name(),
        """
        <main>
          <h1>Sign in</h1>
          <p class="context">to <strong>%s</strong> · %s</p>
          %s
          <form method="post" action="/login/authorize" novalidate>
            %s
            <label for="email">Email</label>
            <input id="email" name="email" type="email" autocomplete="username" required value="%s"%s>
            <label for="password">Password</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required%s>
            <button type="submit">Sign in</button>
          </form>
        </main>
        """
            .formatted(
                escape(request.application().name()),
                escape(request.workspaceName()),
                alert,
                hiddenFields(request, csrf),
                escape(email == null ? "" : email),
                error == null ? " autofocus" : " aria-describedby=\"error\"",
                error == null ? "" : " aria-describedby=\"error\" autofocus"));
  }

  static String registration(
      AuthorizationRequest request, String csrf, String email, String error) {
    String alert =
        error == null
            ? ""
            : "<p id=\"error\" class=\"error\" role=\"alert\">" + escape(error) + "</p>";
    return page(
        "Create an account for " + request.application().name(),
        """
        <main>
          <h1>Create an account</h1>
          <p class="context">for <strong>%s</strong> · %s</p>
          %s
          <form method="post" action="/login/register" novalidate>
            %s
            <label for="email">Email</label>
            <input id="email" name="email" type="email" autocomplete="email" required autofocus value="%s">
            <label for="password">Password (12 characters or more)</label>
            <input id="password" name="password" type="password" autocomplete="new-password" required minlength="12">
            <button type="submit">Create account</button>
          </form>
        </main>
        """
            .formatted(
                escape(request.application().name()),
                escape(request.workspaceName()),
                alert,
                hiddenFields(request, csrf),
                escape(email == null ? "" : email)));
  }

  /** The authorization request and the anti-forgery token, carried through the form unchanged. */
  private static String hiddenFields(AuthorizationRequest request, String csrf) {
    return """
        <input type="hidden" name="client_id" value="%s">
        <input type="hidden" name="redirect_uri" value="%s">
        <input type="hidden" name="response_type" value="code">
        <input type="hidden" name="state" value="%s">
        <input type="hidden" name="code_challenge" value="%s">
        <input type="hidden" name="code_challenge_method" value="S256">
        <input type="hidden" name="csrf" value="%s">"""
        .formatted(
            escape(request.application().clientId()),
            escape(request.redirectUri()),
            escape(request.state() == null ? "" : request.state()),
            escape(request.codeChallenge()),
            escape(csrf));
  }

  static String signedOut() {
    return page(
        "Signed out",
        """
        <main>
          <h1>You are signed out</h1>
          <p role="status">The next sign-in will ask for your password again.</p>
        </main>
        """);
  }

  static String refused(String reason) {
    return page(
        "Sign-in link not valid",
        """
        <main>
          <h1>This sign-in link cannot be used</h1>
          <p role="alert">%s</p>
          <p>Go back to the application and start signing in again.</p>
        </main>
        """
            .formatted(escape(reason)));
  }

  private static String page(String title, String body) {
    return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s</title>
        <link rel="stylesheet" href="/login/login.css">
        </head>
        <body>
        %s
        </body>
        </html>
        """
        .formatted(escape(title), body);
  }

  static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
