package io.secureflows.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * HTTP to the server under test, always to 127.0.0.1 (Payara reports a host name to Arquillian;
 * tests never leave loopback). Plain HTTP by default; {@link #https()} talks to the HTTPS listener
 * and trusts only the certificate the test environment generated.
 */
public final class ApiClient {
  private final URI base;
  private final HttpClient http;
  private final List<String> defaultHeaders;
  private final Duration timeout;

  private ApiClient(URI base, HttpClient http, List<String> defaultHeaders) {
    this(base, http, defaultHeaders, Duration.ofSeconds(30));
  }

  private ApiClient(URI base, HttpClient http, List<String> defaultHeaders, Duration timeout) {
    this.base = base;
    this.http = http;
    this.defaultHeaders = List.copyOf(defaultHeaders);
    this.timeout = timeout;
  }

  /**
   * The same client waiting up to {@code timeout} for each answer (benchmarks seed for minutes).
   */
  public ApiClient withTimeout(Duration timeout) {
    return new ApiClient(base, http, defaultHeaders, timeout);
  }

  /**
   * A client for a deployment: the one Arquillian reports, on loopback plain HTTP, or an {@code
   * https} address (a proxy in front of nodes) that presents the run's certificate.
   */
  public static ApiClient forDeployment(URL deployment) {
    if ("https".equals(deployment.getProtocol())) {
      return new ApiClient(
          URI.create("https://127.0.0.1:" + deployment.getPort()), httpsClient(), List.of());
    }
    URI base = URI.create("http://127.0.0.1:" + deployment.getPort());
    return new ApiClient(
        base, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), List.of());
  }

  /** The same server over its HTTPS listener. */
  public ApiClient https() {
    return new ApiClient(
        URI.create("https://127.0.0.1:" + TestEnvironment.get().httpsPort()),
        httpsClient(),
        defaultHeaders,
        timeout);
  }

  private static HttpClient httpsClient() {
    return HttpClient.newBuilder()
        .sslContext(TestEnvironment.trustingTheServer())
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** The same client sending {@code Authorization: Bearer <token>} on every request. */
  public ApiClient bearer(String token) {
    List<String> headers = new ArrayList<>(defaultHeaders);
    headers.add("Authorization");
    headers.add("Bearer " + token);
    return new ApiClient(base, http, headers, timeout);
  }

  public Reply get(String path, String... headers) {
    return send("GET", path, BodyPublishers.noBody(), headers);
  }

  public Reply delete(String path, String... headers) {
    return send("DELETE", path, BodyPublishers.noBody(), headers);
  }

  public Reply postJson(String path, String json, String... headers) {
    return send(
        "POST", path, BodyPublishers.ofString(json), withContentType("application/json", headers));
  }

  public Reply patchJson(String path, String json, String... headers) {
    return send(
        "PATCH", path, BodyPublishers.ofString(json), withContentType("application/json", headers));
  }

  public Reply send(String method, String path, BodyPublisher body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).method(method, body);
    for (int i = 0; i < defaultHeaders.size(); i += 2) {
      request.header(defaultHeaders.get(i), defaultHeaders.get(i + 1));
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.setHeader(headers[i], headers[i + 1]);
    }
    try {
      var response = http.send(request.build(), BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String[] withContentType(String contentType, String... headers) {
    for (int i = 0; i < headers.length; i += 2) {
      if (headers[i].equalsIgnoreCase("Content-Type")) {
        return headers;
      }
    }
    String[] all = new String[headers.length + 2];
    all[0] = "Content-Type";
    all[1] = contentType;
    System.arraycopy(headers, 0, all, 2, headers.length);
    return all;
  }
}
