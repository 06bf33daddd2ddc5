package io.secureflows.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A sessionToken signing key: RS256, its public key in clear (it is published as JWKS), its private
 * key only wrapped by the master key. One key signs; earlier ones only verify, so that tokens they
 * signed keep working after a rotation until they expire.
 */
@Entity
@Table(name = "signing_key")
public class SigningKey {

  /** What a signing key is used for. */
  public enum State {
    ACTIVE,
    VERIFY_ONLY
  }

  @Id
  @Column(length = 64)
  private String kid;

  @Column(nullable = false, length = 16, updatable = false)
  private String algorithm;

  @Column(name = "public_key", nullable = false, updatable = false)
  private byte[] publicKey;

  @Column(name = "wrapped_private_key", nullable = false)
  private byte[] wrappedPrivateKey;

  @Column(name = "master_key_id", nullable = false, length = 200)
  private String masterKeyId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private State state;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "state_changed_at", nullable = false)
  private Instant stateChangedAt;

  @Version
  @Column(name = "row_version", nullable = false)
  private long rowVersion;

  protected SigningKey() {}

  public SigningKey(
      String kid,
      String algorithm,
      byte[] publicKey,
      byte[] wrappedPrivateKey,
      String masterKeyId,
      Instant now) {
    this.kid = Objects.requireNonNull(kid);
    this.algorithm = Objects.requireNonNull(algorithm);
    this.publicKey = publicKey.clone();
    this.wrappedPrivateKey = wrappedPrivateKey.clone();
    this.masterKeyId = Objects.requireNonNull(masterKeyId);
    this.state = State.ACTIVE;
    this.createdAt = now;
    this.stateChangedAt = now;
  }

  /** Rotation: this key stops signing and keeps verifying. */
  public void retireFromSigning(Instant now) {
    if (state != State.ACTIVE) {
      throw new IllegalStateException("only the active signing key can be rotated out");
    }
    state = State.VERIFY_ONLY;
    stateChangedAt = now;
  }

  /** A master-key rotation: the same private key, wrapped under another master key. */
  public void rewrap(byte[] newWrappedPrivateKey, String newMasterKeyId) {
    wrappedPrivateKey = newWrappedPrivateKey.clone();
    masterKeyId = Objects.requireNonNull(newMasterKeyId);
  }

  public String kid() {
    return kid;
  }

  public String algorithm() {
    return algorithm;
  }

  public byte[] publicKey() {
    return publicKey.clone();
  }

  public byte[] wrappedPrivateKey() {
    return wrappedPrivateKey.clone();
  }

  public String masterKeyId() {
    return masterKeyId;
  }

  public State state() {
    return state;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant stateChangedAt() {
    return stateChangedAt;
  }
}
