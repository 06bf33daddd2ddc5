package io.secureflows.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * A SHA-256 hash chain over records: each record's content is digested from its fields in a fixed,
 * unambiguous encoding (each field as a 4-byte big-endian length and its UTF-8 bytes, -1 for a
 * missing field), and each link is {@code SHA-256(previous link || content digest)}, starting from
 * 32 zero bytes. Changing, removing or reordering any record changes every later link.
 */
public final class HashChain {
  /** The link before the first record. */
  public static final byte[] GENESIS = new byte[32];

  private HashChain() {}

  /** The digest of one record's fields, in order; a null field is distinct from an empty one. */
  public static byte[] contentDigest(List<String> fields) {
    ByteArrayOutputStream encoded = new ByteArrayOutputStream(256);
    for (String field : fields) {
      if (field == null) {
        encoded.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
      } else {
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        encoded.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        encoded.writeBytes(bytes);
      }
    }
    return sha256().digest(encoded.toByteArray());
  }

  /** The link that follows {@code previous} for a record with this content digest. */
  public static byte[] link(byte[] previous, byte[] contentDigest) {
    if (previous.length != 32 || contentDigest.length != 32) {
      throw new IllegalArgumentException("links and digests are 32 bytes");
    }
    MessageDigest digest = sha256();
    digest.update(previous);
    digest.update(contentDigest);
    return digest.digest();
  }

  /** Compares two digests in time independent of where they differ. */
  public static boolean same(byte[] expected, byte[] actual) {
    return expected != null && actual != null && MessageDigest.isEqual(expected, actual);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
