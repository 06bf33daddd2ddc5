package io.secureflows.testsupport;

import io.secureflows.crypto.TokenSigning;
import io.secureflows.crypto.infra.AesMasterKey;
import io.secureflows.launcher.MasterKeystore;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Signature;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;

/**
 * Tokens the hosted login would never issue, for the 401/410 tests: signed by the server's own
 * active key (expired, another issuer or audience) or by an attacker's key, or not signed at all.
 * The server's key is unwrapped here with the test master key, exactly as the server does.
 */
public final class TestTokens {
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private TestTokens() {}

  /** Claims signed RS256 by the server's active signing key. */
  public static String signedByServer(String claimsJson) throws Exception {
    TestEnvironment.Environment environment = TestEnvironment.get();
    KeyStore store = KeyStore.getInstance("PKCS12");
    char[] password = environment.secrets().getOrCreate("master-keystore.password").toCharArray();
    try (InputStream in = Files.newInputStream(environment.masterKeystore())) {
      store.load(in, password);
    }
    AesMasterKey master =
        new AesMasterKey(store.getKey(MasterKeystore.ALIAS, password).getEncoded());
    try (Connection owner = TestDatabase.asSuperuser();
        Statement query = owner.createStatement();
        ResultSet key =
            query.executeQuery(
                "select kid, wrapped_private_key from signing_key where state = 'ACTIVE'")) {
      key.next();
      return TokenSigning.sign(key.getString(1), key.getBytes(2), master, claimsJson);
    }
  }

  /** A token with the given header, signed RS256 by a key the server has never seen. */
  public static String signedByAttacker(String headerJson, String claimsJson) throws Exception {
    return signedBy(attackersKey(), headerJson, claimsJson);
  }

  /**
   * A token signed by an attacker's key that carries its own public key in the header ({@code
   * jwk}), hoping the server trusts what the token says about itself.
   */
  public static String signedByAttackerWithItsKeyEmbedded(String claimsJson) throws Exception {
    KeyPair attacker = attackersKey();
    java.security.interfaces.RSAPublicKey key =
        (java.security.interfaces.RSAPublicKey) attacker.getPublic();
    String header =
        "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"jwk\":{\"kty\":\"RSA\",\"e\":\""
            + URL.encodeToString(magnitude(key.getPublicExponent()))
            + "\",\"n\":\""
            + URL.encodeToString(magnitude(key.getModulus()))
            + "\"}}";
    return signedBy(attacker, header, claimsJson);
  }

  private static byte[] magnitude(java.math.BigInteger value) {
    byte[] bytes = value.toByteArray();
    return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
  }

  private static KeyPair attackersKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  private static String signedBy(KeyPair attacker, String headerJson, String claimsJson)
      throws Exception {
    String input = encode(headerJson) + "." + encode(claimsJson);
    Signature signature = Signature.getInstance("SHA256withRSA");
    signature.initSign(attacker.getPrivate());
    signature.update(input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + URL.encodeToString(signature.sign());
  }

  /** An unsigned token ({@code alg: none}). */
  public static String unsigned(String claimsJson) {
    return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + encode(claimsJson) + ".";
  }

  public static String encode(String json) {
    return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
