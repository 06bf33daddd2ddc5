package io.secureflows.client;

import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;

/**
 * The session's payload as {@link SecureFlowsClient#get} read it: the JSON document exactly as it
 * was stored, byte for byte, with its {@code ETag}; or nothing, when no payload is stored.
 *
 * <p>The payload is the user's private data, so {@link #toString()} shows only its ETag and size.
 */
public final class Payload {
  private static final Payload EMPTY = new Payload(null, null);

  private final byte[] content;
  private final String etag;

  private Payload(byte[] content, String etag) {
    this.content = content;
    this.etag = etag;
  }

  static Payload of(byte[] content, String etag) {
    return new Payload(content.clone(), etag);
  }

  static Payload empty() {
    return EMPTY;
  }

  /** True when the session has no payload (the server answered {@code 204}). */
  public boolean isEmpty() {
    return content == null;
  }

  /**
   * The document as text (the server stores strict UTF-8 only, so this loses nothing).
   *
   * @throws NoSuchElementException when {@link #isEmpty()}
   */
  public String json() {
    return new String(present(), StandardCharsets.UTF_8);
  }

  /**
   * The document's bytes exactly as stored; a copy.
   *
   * @throws NoSuchElementException when {@link #isEmpty()}
   */
  public byte[] bytes() {
    return present().clone();
  }

  /**
   * The {@code ETag} exactly as the server sent it (such as {@code "3"}, with the quotes): pass it
   * to {@link SecureFlowsClient#put} as {@code ifMatch} to write only if nobody wrote in between.
   * Null when {@link #isEmpty()}.
   */
  public String etag() {
    return etag;
  }

  private byte[] present() {
    if (content == null) {
      throw new NoSuchElementException("the session has no payload");
    }
    return content;
  }

  /** The ETag and the size; never the content. */
  @Override
  public String toString() {
    return isEmpty()
        ? "Payload[empty]"
        : "Payload[etag=" + etag + ", " + content.length + " bytes]";
  }
}
