package io.secureflows.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secureflows.crypto.infra.AesGcm;
import io.secureflows.crypto.infra.AesMasterKey;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * sessionToken signing: RS256 signatures that the JDK verifies with the published key, a JWK that
 * carries exactly that key, and private keys that only the right master key unwraps.
 */
class TokenSigningTest {
  private static final Base64.Decoder URL = Base64.getUrlDecoder();
  private final AesMasterKey master = new AesMasterKey(new byte[32]);
  private final TokenSigning.GeneratedKey key = TokenSigning.generate(master);

  @Test
  void signsACompactJwsThatTheJdkVerifiesWithThePublicKey() throws Exception {
    String token =
        TokenSigning.sign(key.kid(), key.wrappedPrivateKey(), master, "{\"sub\":\"u1\"}");
    String[] parts = token.split("\\.");
    assertThat(parts).hasSize(3);
    assertThat(new String(URL.decode(parts[0]), StandardCharsets.UTF_8))
        .isEqualTo("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + key.kid() + "\"}");
    assertThat(new String(URL.decode(parts[1]), StandardCharsets.UTF_8))
        .isEqualTo("{\"sub\":\"u1\"}");

    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(TokenSigning.publicKey(key.publicKey()));
    verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(verifier.verify(URL.decode(parts[2]))).isTrue();

    verifier.initVerify(TokenSigning.publicKey(key.publicKey()));
    verifier.update((parts[0] + "." + parts[1] + "x").getBytes(StandardCharsets.US_ASCII));
    assertThat(verifier.verify(URL.decode(parts[2]))).isFalse();
  }

  @Test
  void jwkCarriesExactlyThePublicKey() {
    RSAPublicKey rsa = (RSAPublicKey) TokenSigning.publicKey(key.publicKey());
    assertThat(rsa.getModulus().bitLength()).isEqualTo(3072);
    String jwk = TokenSigning.jwk(key.kid(), key.publicKey());
    assertThat(jwk)
        .contains(
            "\"kty\":\"RSA\"",
            "\"alg\":\"RS256\"",
            "\"use\":\"sig\"",
            "\"kid\":\"" + key.kid() + "\"");
    String n = jwk.replaceAll(".*\"n\":\"([^\"]+)\".*", "$1");
    String e = jwk.replaceAll(".*\"e\":\"([^\"]+)\".*", "$1");
    assertThat(new BigInteger(1, URL.decode(n))).isEqualTo(rsa.getModulus());
    assertThat(new BigInteger(1, URL.decode(e))).isEqualTo(rsa.getPublicExponent());
    assertThat(URL.decode(n)[0]).as("no sign byte").isNotZero();
  }

  @Test
  void privateKeyIsStoredOnlyWrappedAndOnlyItsMasterKeyUnwrapsIt() {
    byte[] otherMaterial = new byte[32];
    otherMaterial[0] = 1;
    AesMasterKey other = new AesMasterKey(otherMaterial);
    assertThatThrownBy(() -> TokenSigning.sign(key.kid(), key.wrappedPrivateKey(), other, "{}"))
        .isInstanceOf(AesGcm.AuthenticationFailedException.class);
    assertThatThrownBy(
            () -> TokenSigning.sign("another-kid", key.wrappedPrivateKey(), master, "{}"))
        .as("the wrap is bound to its kid")
        .isInstanceOf(AesGcm.AuthenticationFailedException.class);

    byte[] rewrapped = TokenSigning.rewrap(key.kid(), key.wrappedPrivateKey(), master, other);
    assertThat(TokenSigning.sign(key.kid(), rewrapped, other, "{}")).contains(".");
  }
}
