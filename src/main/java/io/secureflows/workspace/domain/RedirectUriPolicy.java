package io.secureflows.workspace.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which redirect URIs an application may register. Registration is strict because matching is exact
 * string comparison: a URI that only becomes safe after normalisation is refused here rather than
 * normalised, so that what is stored is exactly what a client must send.
 *
 * <ul>
 *   <li>absolute, at most 2,000 characters, no whitespace or control characters, no fragment, no
 *       wildcard;
 *   <li>{@code https} with a host and no user information, for every type;
 *   <li>{@code http} only on a loopback host ({@code 127.0.0.1}, {@code [::1]}, {@code localhost}),
 *       for development and native applications (RFC 8252 section 7.3);
 *   <li>a private-use scheme in reverse-domain form ({@code com.example.app:/callback}), for mobile
 *       applications only (RFC 8252 section 7.1);
 *   <li>no dot segments, encoded or not, anywhere in the path.
 * </ul>
 */
public final class RedirectUriPolicy {
  static final int MAX_LENGTH = 2000;
  private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]", "localhost");
  private static final Set<String> LOOPBACK_LITERALS = Set.of("127.0.0.1", "[::1]");

  private RedirectUriPolicy() {}

  /**
   * Returns why the URI may not be registered for this type of application, or empty when it may.
   */
  public static Optional<String> violation(String candidate, ApplicationType type) {
    if (candidate == null || candidate.isEmpty()) {
      return Optional.of("must not be empty");
    }
    if (candidate.length() > MAX_LENGTH) {
      return Optional.of("must be at most " + MAX_LENGTH + " characters");
    }
    if (candidate.codePoints().anyMatch(c -> c <= 0x20 || c == 0x7F || c > 0x7E)) {
      return Optional.of("must not contain whitespace, control or non-ASCII characters");
    }
    if (candidate.indexOf('#') >= 0) {
      return Optional.of("must not contain a fragment");
    }
    if (candidate.indexOf('*') >= 0) {
      return Optional.of("must not contain a wildcard");
    }
    URI uri;
    try {
      uri = new URI(candidate);
    } catch (URISyntaxException e) {
      return Optional.of("is not a valid URI");
    }
    String scheme = uri.getScheme();
    if (scheme == null) {
      return Optional.of("must be absolute");
    }
    if (!scheme.equals(scheme.toLowerCase(Locale.ROOT))) {
      return Optional.of("must have a lower-case scheme");
    }
    if (hasDotSegment(uri.getRawPath())) {
      return Optional.of("must not contain '.' or '..' path segments");
    }
    return switch (scheme) {
      case "https" -> hierarchical(uri);
      case "http" -> hierarchical(uri).or(() -> loopbackOnly(uri));
      default -> privateUse(uri, scheme, type);
    };
  }

  /**
   * Whether a requested redirect URI may be used: it must equal one of the registered URIs exactly,
   * character for character (no case folding, no decoding, no normalisation, no prefix). The one
   * exception is RFC 8252 section 7.3: for a mobile application that registered a loopback IP
   * literal ({@code http://127.0.0.1/...} or {@code http://[::1]/...}), the port may differ,
   * because the native app picks a free port at run time; everything else, path and query included,
   * must still be identical.
   */
  public static boolean matches(List<String> registered, String requested, ApplicationType type) {
    if (requested == null || requested.isEmpty() || registered == null) {
      return false;
    }
    for (String candidate : registered) {
      if (candidate.equals(requested)
          || type == ApplicationType.MOBILE && sameLoopbackButPort(candidate, requested)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameLoopbackButPort(String registered, String requested) {
    try {
      URI a = new URI(registered);
      URI b = new URI(requested);
      return "http".equals(a.getScheme())
          && "http".equals(b.getScheme())
          && LOOPBACK_LITERALS.contains(a.getHost())
          && a.getHost().equals(b.getHost())
          && a.getRawUserInfo() == null
          && b.getRawUserInfo() == null
          && b.getRawFragment() == null
          && java.util.Objects.equals(a.getRawPath(), b.getRawPath())
          && java.util.Objects.equals(a.getRawQuery(), b.getRawQuery())
          && requested.equals(
              "http://"
                  + b.getRawAuthority()
                  + nullToEmpty(b.getRawPath())
                  + query(b.getRawQuery()));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  private static String query(String rawQuery) {
    return rawQuery == null ? "" : "?" + rawQuery;
  }

  private static Optional<String> hierarchical(URI uri) {
    if (uri.isOpaque() || uri.getRawAuthority() == null || uri.getHost() == null) {
      return Optional.of("must name a host");
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of("must not contain user information");
    }
    if (!uri.getHost().equals(uri.getHost().toLowerCase(Locale.ROOT))) {
      return Optional.of("must have a lower-case host");
    }
    return Optional.empty();
  }

  private static Optional<String> loopbackOnly(URI uri) {
    return LOOPBACK_HOSTS.contains(uri.getHost())
        ? Optional.empty()
        : Optional.of("may use http only on a loopback address; use https");
  }

  private static Optional<String> privateUse(URI uri, String scheme, ApplicationType type) {
    if (type != ApplicationType.MOBILE) {
      return Optional.of("must use https (or http on loopback)");
    }
    if (!scheme.matches("[a-z][a-z0-9+-]*(\\.[a-z0-9+-]+)+")) {
      return Optional.of(
          "must use https, loopback http, or a reverse-domain private-use scheme such as com.example.app");
    }
    if (uri.getRawAuthority() != null || uri.getRawUserInfo() != null) {
      return Optional.of(
          "with a private-use scheme must not name a host (com.example.app:/callback)");
    }
    return Optional.empty();
  }

  private static boolean hasDotSegment(String rawPath) {
    if (rawPath == null) {
      return false;
    }
    String decodedDots = rawPath.replaceAll("(?i)%2e", ".");
    if (decodedDots.matches("(?i).*%25.*")) {
      return true;
    }
    for (String segment : decodedDots.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        return true;
      }
    }
    return false;
  }
}
