package io.secureflows.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.http.HttpHeaders;
import java.util.Optional;

/** An HTTP answer as tests read it. */
public record Reply(int status, HttpHeaders headers, String body) {

  public Optional<String> header(String name) {
    return headers.firstValue(name);
  }

  public String contentType() {
    return header("Content-Type").orElse("");
  }

  public JsonObject json() {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  public JsonArray items() {
    return json().getJsonArray("items");
  }

  @Override
  public String toString() {
    return status + " " + body;
  }
}
