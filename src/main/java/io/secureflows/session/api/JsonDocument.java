package io.secureflows.session.api;

import io.secureflows.platform.error.InvalidInputException;
import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The rule for a session payload: one JSON document (RFC 8259) in strict UTF-8, at most 64 levels
 * deep. It is checked, never rewritten: the bytes are stored and returned exactly as sent.
 */
final class JsonDocument {
  static final int MAX_DEPTH = 64;
  private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

  private JsonDocument() {}

  /**
   * @throws InvalidInputException if the bytes are not one well-formed JSON document within the
   *     depth limit
   */
  static void check(byte[] body) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString();
    } catch (CharacterCodingException e) {
      throw InvalidInputException.of("body", "is not valid UTF-8");
    }
    if (text.isBlank()) {
      throw InvalidInputException.of("body", "must be a JSON document");
    }
    int depth = 0;
    try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
      while (parser.hasNext()) {
        JsonParser.Event event = parser.next();
        if (event == JsonParser.Event.START_ARRAY || event == JsonParser.Event.START_OBJECT) {
          if (++depth > MAX_DEPTH) {
            throw InvalidInputException.of(
                "body", "is nested deeper than " + MAX_DEPTH + " levels");
          }
        } else if (event == JsonParser.Event.END_ARRAY || event == JsonParser.Event.END_OBJECT) {
          depth--;
        }
      }
    } catch (JsonParsingException | IllegalStateException | java.util.NoSuchElementException e) {
      throw InvalidInputException.of("body", "is not well-formed JSON");
    } catch (jakarta.json.JsonException e) {
      throw InvalidInputException.of("body", "is not well-formed JSON");
    }
  }
}
