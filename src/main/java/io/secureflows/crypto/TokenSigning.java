package io.secureflows.crypto;

import io.secureflows.crypto.spi.MasterKey;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * The cryptography of sessionTokens: RS256 (RSASSA-PKCS1-v1_5 with SHA-256, RSA 3072) key pairs
 * whose private half is stored only wrapped by the master key, compact JWS signing, and the public
 * half as a JWK. RS256 because every API call verifies a token and only a login signs one: RSA
 * verification is the cheapest of the JOSE algorithms.
 */
public final class TokenSigning {
  public static final String ALGORITHM = "RS256";
  private static final int RSA_BITS = 3072;
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private TokenSigning() {}

  /**
   * A new key pair: the public key (X.509 SubjectPublicKeyInfo DER) and the private key wrapped for
   * storage.
   */
  public record GeneratedKey(
      String kid, byte[] publicKey, byte[] wrappedPrivateKey, String masterKeyId) {}

  public static GeneratedKey generate(MasterKey master) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(new RSAKeyGenParameterSpec(RSA_BITS, RSAKeyGenParameterSpec.F4));
      KeyPair pair = generator.generateKeyPair();
      String kid = RandomSecrets.urlSafe(16);
      byte[] privateKey = pair.getPrivate().getEncoded();
      try {
        return new GeneratedKey(
            kid,
            pair.getPublic().getEncoded(),
            master.wrap(privateKey, wrapContext(kid)),
            master.id());
      } finally {
        Arrays.fill(privateKey, (byte) 0);
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA key generation is part of every Java platform", e);
    }
  }

  /** The private key rewrapped under another master key (a master-key rotation). */
  public static byte[] rewrap(String kid, byte[] wrappedPrivateKey, MasterKey from, MasterKey to) {
    byte[] privateKey = from.unwrap(wrappedPrivateKey, wrapContext(kid));
    try {
      return to.wrap(privateKey, wrapContext(kid));
    } finally {
      Arrays.fill(privateKey, (byte) 0);
    }
  }

  /**
   * Proves that the master key unwraps this stored private key (the start-up guard).
   *
   * @throws RuntimeException if it does not
   */
  public static void checkUnwraps(MasterKey master, String kid, byte[] wrappedPrivateKey) {
    Arrays.fill(master.unwrap(wrappedPrivateKey, wrapContext(kid)), (byte) 0);
  }

  /**
   * A compact JWS: {@code base64url(header).base64url(claims).base64url(signature)}, header {@code
   * {"alg":"RS256", "typ":"JWT","kid":...}}.
   *
   * @param claimsJson the claims as a JSON object, serialised by the caller
   */
  public static String sign(
      String kid, byte[] wrappedPrivateKey, MasterKey master, String claimsJson) {
    String header = "{\"alg\":\"" + ALGORITHM + "\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}";
    String signingInput =
        URL.encodeToString(header.getBytes(StandardCharsets.UTF_8))
            + "."
            + URL.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
    byte[] encoded = master.unwrap(wrappedPrivateKey, wrapContext(kid));
    try {
      PrivateKey privateKey =
          KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(encoded));
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(privateKey);
      signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + URL.encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("signing a token failed", e);
    } finally {
      Arrays.fill(encoded, (byte) 0);
    }
  }

  /**
   * Whether a compact JWS is signed RS256 by this public key: header {@code alg} exactly {@code
   * RS256}, signature valid over {@code header.payload}. Anything malformed is simply not verified.
   */
  public static boolean verifies(String compactJws, byte[] publicKey) {
    String[] parts = compactJws == null ? new String[0] : compactJws.split("\\.", -1);
    if (parts.length != 3) {
      return false;
    }
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initVerify(publicKey(publicKey));
      signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  /** The public key as a JWK object (RFC 7517/7518): kty, kid, use, alg, n, e. */
  public static String jwk(String kid, byte[] publicKey) {
    RSAPublicKey key = (RSAPublicKey) publicKey(publicKey);
    return "{\"kty\":\"RSA\",\"kid\":\""
        + kid
        + "\",\"use\":\"sig\",\"alg\":\""
        + ALGORITHM
        + "\",\"n\":\""
        + URL.encodeToString(unsigned(key.getModulus()))
        + "\",\"e\":\""
        + URL.encodeToString(unsigned(key.getPublicExponent()))
        + "\"}";
  }

  static PublicKey publicKey(byte[] encoded) {
    try {
      return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(encoded));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an RSA public key", e);
    }
  }

  /** Big-endian magnitude without the sign byte, as JWK requires. */
  private static byte[] unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
  }

  private static byte[] wrapContext(String kid) {
    return ("sf-signing-key-v1|" + kid).getBytes(StandardCharsets.UTF_8);
  }
}
