package io.secureflows.benchmark;

import io.secureflows.crypto.Pkce;
import io.secureflows.testsupport.HtmlForms;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One browser's hosted login, as the benchmark drives it over HTTP: the authorize page, the form
 * with the password, the code exchange, with the cookies a browser would keep. Once signed in, a
 * {@link #silentLogin()} is what a reloaded page does: authorize with the hosted-login cookie (no
 * password), then the exchange.
 */
final class HostedLoginFlow {

  private final HttpClient http;
  private final String base;
  private final String clientId;
  private final String redirectUri;
  private final String email;
  private final String password;
  private final Map<String, String> cookies = new LinkedHashMap<>();

  HostedLoginFlow(
      HttpClient http,
      String base,
      String clientId,
      String redirectUri,
      String email,
      String password) {
    this.http = http;
    this.base = base;
    this.clientId = clientId;
    this.redirectUri = redirectUri;
    this.email = email;
    this.password = password;
  }

  /** Authorize page, password, code exchange; true when a sessionToken came back. */
  boolean fullLogin() throws Exception {
    cookies.clear();
    String verifier = verifier();
    HttpResponse<String> page = send(authorize(verifier));
    if (page.statusCode() != 200) {
      return false;
    }
    Map<String, String> fields = HtmlForms.hiddenFields(page.body());
    fields.put("email", email);
    fields.put("password", password);
    HttpResponse<String> signedIn =
        send(
            withCookies(HttpRequest.newBuilder(URI.create(base + "/login/authorize")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(HtmlForms.encode(fields)))
                .build());
    return signedIn.statusCode() == 303 && exchange(signedIn, verifier);
  }

  /** Authorize with the hosted-login cookie only, then the exchange. */
  boolean silentLogin() throws Exception {
    String verifier = verifier();
    HttpResponse<String> redirected = send(authorize(verifier));
    return redirected.statusCode() == 303 && exchange(redirected, verifier);
  }

  private HttpRequest authorize(String verifier) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("response_type", "code");
    parameters.put("client_id", clientId);
    parameters.put("redirect_uri", redirectUri);
    parameters.put("state", "benchmark");
    parameters.put("code_challenge", Pkce.challengeOf(verifier));
    parameters.put("code_challenge_method", "S256");
    return withCookies(
            HttpRequest.newBuilder(
                URI.create(base + "/login/authorize?" + HtmlForms.encode(parameters))))
        .GET()
        .build();
  }

  private boolean exchange(HttpResponse<String> redirect, String verifier) throws Exception {
    String code =
        HtmlForms.queryParameter(redirect.headers().firstValue("Location").orElse(""), "code")
            .orElse(null);
    if (code == null) {
      return false;
    }
    Map<String, String> exchange = new LinkedHashMap<>();
    exchange.put("grant_type", "authorization_code");
    exchange.put("code", code);
    exchange.put("code_verifier", verifier);
    exchange.put("client_id", clientId);
    exchange.put("redirect_uri", redirectUri);
    HttpResponse<String> token =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(HtmlForms.encode(exchange)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return token.statusCode() == 200 && token.body().contains("\"sessionToken\"");
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    for (String cookie : response.headers().allValues("Set-Cookie")) {
      String[] pair = cookie.split(";", 2)[0].split("=", 2);
      if (pair.length == 2) {
        cookies.put(pair[0].trim(), pair[1].trim());
      }
    }
    return response;
  }

  private HttpRequest.Builder withCookies(HttpRequest.Builder request) {
    if (!cookies.isEmpty()) {
      request.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; ")));
    }
    return request;
  }

  private static String verifier() {
    return "v" + UUID.randomUUID() + "-" + UUID.randomUUID();
  }
}
