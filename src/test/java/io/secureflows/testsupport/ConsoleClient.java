package io.secureflows.testsupport;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The admin console over plain HTTPS requests, as a script (or an attacker's page) would drive it:
 * cookies kept, Faces form posts built by hand (view state and PrimeFaces' CSP nonce read from the
 * page). For what a browser cannot show: exact headers, cookie attributes, forged posts.
 */
public final class ConsoleClient {
  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
  private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");

  private final URI base;
  private final HttpClient http;

  /** What the console answered. */
  public record Page(int status, Map<String, java.util.List<String>> headers, String body) {
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst()
          .orElse(null);
    }

    public java.util.List<String> all(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .toList();
    }

    /** The page's Faces view state, for a post back to it. */
    public String viewState() {
      Matcher matcher = VIEW_STATE.matcher(body);
      return matcher.find() ? matcher.group(1) : null;
    }

    /** The CSP nonce PrimeFaces gave this response, which its scripts send back on every post. */
    public String nonce() {
      Matcher matcher = NONCE.matcher(body);
      return matcher.find() ? matcher.group(1) : null;
    }
  }

  private ConsoleClient(URI base, HttpClient http) {
    this.base = base;
    this.http = http;
  }

  /** A client of the HTTPS listener, trusting the test run's certificate, with its own cookies. */
  public static ConsoleClient overHttps() {
    return overHttps(URI.create("https://127.0.0.1:" + TestEnvironment.get().httpsPort()));
  }

  /** The same for another HTTPS address presenting the run's certificate, such as a proxy. */
  public static ConsoleClient overHttps(URI base) {
    HttpClient http =
        HttpClient.newBuilder()
            .sslContext(TestEnvironment.trustingTheServer())
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    return new ConsoleClient(base, http);
  }

  public String baseUrl() {
    return base.toString();
  }

  public Page get(String path) throws Exception {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  /** A form post with exactly these fields (nothing added: the caller decides what is forged). */
  public Page post(String path, Map<String, String> fields, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(HtmlForms.encode(fields)));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request);
  }

  /**
   * Signs in through the sign-in form as its page's script would post it; the answer is a redirect
   * to the console on success, the form again with an error otherwise.
   */
  public Page signIn(String username, String password, String code) throws Exception {
    Page form = get("/admin/login.xhtml");
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("signIn", "signIn");
    fields.put("signIn:username", username);
    fields.put("signIn:password", password);
    fields.put("signIn:code", code == null ? "" : code);
    fields.put("signIn:submit", "signIn:submit");
    fields.put("jakarta.faces.ViewState", form.viewState());
    fields.put("primefaces.nonce", form.nonce());
    return post("/admin/login.xhtml", fields);
  }

  private Page send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response =
        http.send(
            request.timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Page(response.statusCode(), response.headers().map(), response.body());
  }
}
