package io.secureflows.platform.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether a request may proceed given how it arrived. HTTPS always may. Plain HTTP may only
 * when it comes from loopback (local development, tests, a proxy on the same host) or from a
 * configured trusted proxy that says the client's request was HTTPS ({@code X-Forwarded-Proto:
 * https}). The header is ignored from anyone else, so a client cannot claim HTTPS for itself.
 */
public final class TransportPolicy {

  /** What to do with a request. */
  public enum Decision {
    /** Arrived over HTTPS on our own listener. */
    SECURE,
    /** A trusted proxy terminated TLS; treat the request as HTTPS. */
    SECURE_VIA_PROXY,
    /** Plain HTTP on loopback: allowed for development, but not HTTPS. */
    LOOPBACK_PLAINTEXT,
    /** Plain HTTP from anywhere else: refuse. */
    REFUSE
  }

  private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
  private static final String IPV4 = OCTET + "(\\." + OCTET + "){3}";

  private final List<AddressRange> trustedProxies;

  private TransportPolicy(List<AddressRange> trustedProxies) {
    this.trustedProxies = List.copyOf(trustedProxies);
  }

  /**
   * @param trustedProxies comma-separated addresses or CIDR ranges (IPv4 or IPv6), empty for none
   * @throws IllegalArgumentException if an entry is not an address or range
   */
  public static TransportPolicy withTrustedProxies(String trustedProxies) {
    List<AddressRange> ranges = new ArrayList<>();
    if (trustedProxies != null) {
      for (String entry : trustedProxies.split(",")) {
        if (!entry.isBlank()) {
          ranges.add(AddressRange.parse(entry.trim()));
        }
      }
    }
    return new TransportPolicy(ranges);
  }

  public Decision decide(boolean secure, String remoteAddress, String forwardedProto) {
    if (secure) {
      return Decision.SECURE;
    }
    InetAddress remote = literal(remoteAddress);
    if (remote == null) {
      return Decision.REFUSE;
    }
    boolean trustedProxy = trustedProxies.stream().anyMatch(range -> range.contains(remote));
    if (trustedProxy && forwardedProto != null) {
      return "https".equals(forwardedProto.trim().toLowerCase(Locale.ROOT))
          ? Decision.SECURE_VIA_PROXY
          : Decision.REFUSE;
    }
    if (remote.isLoopbackAddress()) {
      return Decision.LOOPBACK_PLAINTEXT;
    }
    return Decision.REFUSE;
  }

  /**
   * Parses an IP literal without ever asking DNS: dotted IPv4 with octets up to 255, or IPv6 made
   * only of hex digits, colons and dots (optionally in brackets). Anything else, a host name
   * included, is null.
   */
  static InetAddress literal(String address) {
    if (address == null || address.isEmpty() || address.length() > 64) {
      return null;
    }
    String bare =
        address.startsWith("[") && address.endsWith("]")
            ? address.substring(1, address.length() - 1)
            : address;
    boolean ipv4 = bare.matches(IPV4);
    boolean ipv6 = bare.indexOf(':') >= 0 && bare.matches("[0-9A-Fa-f:.]+");
    if (!ipv4 && !ipv6) {
      return null;
    }
    try {
      // Only literals reach this point, and Java parses a literal without a lookup.
      return InetAddress.getByName(bare);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** An address with a prefix length; a plain address is a range of one. */
  record AddressRange(byte[] network, int prefixLength) {

    static AddressRange parse(String text) {
      int slash = text.indexOf('/');
      String address = slash < 0 ? text : text.substring(0, slash);
      InetAddress parsed = literal(address);
      if (parsed == null) {
        throw new IllegalArgumentException("Not an IP address or CIDR range: " + text);
      }
      byte[] bytes = parsed.getAddress();
      int max = bytes.length * 8;
      int prefix;
      try {
        prefix = slash < 0 ? max : Integer.parseInt(text.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Not a CIDR prefix length: " + text, e);
      }
      if (prefix < 0 || prefix > max) {
        throw new IllegalArgumentException("CIDR prefix length out of range: " + text);
      }
      return new AddressRange(bytes, prefix);
    }

    boolean contains(InetAddress address) {
      byte[] candidate = address.getAddress();
      if (candidate.length != network.length) {
        return false;
      }
      int fullBytes = prefixLength / 8;
      for (int i = 0; i < fullBytes; i++) {
        if (candidate[i] != network[i]) {
          return false;
        }
      }
      int remainingBits = prefixLength % 8;
      if (remainingBits == 0) {
        return true;
      }
      int mask = 0xFF << (8 - remainingBits) & 0xFF;
      return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }
  }
}
