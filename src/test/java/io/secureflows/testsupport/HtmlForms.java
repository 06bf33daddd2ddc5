package io.secureflows.testsupport;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a test does where a browser would: read a page's hidden form fields, encode a form or a
 * query string, and read a parameter of the address a redirect names.
 */
public final class HtmlForms {
  private static final Pattern HIDDEN = Pattern.compile("name=\"(\\w+)\" value=\"([^\"]*)\"");

  private HtmlForms() {}

  /** The page's named input values, in page order ({@code &amp;} decoded). */
  public static Map<String, String> hiddenFields(String html) {
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher hidden = HIDDEN.matcher(html);
    while (hidden.find()) {
      fields.put(hidden.group(1), hidden.group(2).replace("&amp;", "&"));
    }
    return fields;
  }

  /** {@code application/x-www-form-urlencoded}, also for a query string; a null value is empty. */
  public static String encode(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(
                        e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** A parameter of an address's query string, decoded. */
  public static Optional<String> queryParameter(String address, String name) {
    for (String pair : address.substring(address.indexOf('?') + 1).split("&")) {
      String[] kv = pair.split("=", 2);
      if (kv[0].equals(name) && kv.length == 2) {
        return Optional.of(URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
      }
    }
    return Optional.empty();
  }
}
