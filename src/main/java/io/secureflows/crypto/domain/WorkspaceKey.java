package io.secureflows.crypto.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One version of a workspace's key. The key itself never reaches the database: only its wrap under
 * the master key ({@link #wrappedKey()}) and the id of that master key. State changes are one-way:
 * active, decrypt-only, retired or destroyed.
 */
@Entity
@Table(name = "workspace_key")
public class WorkspaceKey {

  @Id private UUID id;

  @Column(name = "workspace_id", nullable = false, updatable = false)
  private UUID workspaceId;

  @Column(name = "version", nullable = false, updatable = false)
  private int keyVersion;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private KeyState state;

  @Column(name = "wrapped_key")
  private byte[] wrappedKey;

  @Column(name = "master_key_id", length = 200)
  private String masterKeyId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "state_changed_at", nullable = false)
  private Instant stateChangedAt;

  @Version
  @Column(name = "row_version", nullable = false)
  private long rowVersion;

  protected WorkspaceKey() {}

  public WorkspaceKey(
      UUID id,
      UUID workspaceId,
      int keyVersion,
      byte[] wrappedKey,
      String masterKeyId,
      Instant now) {
    if (keyVersion < 1) {
      throw new IllegalArgumentException("key versions start at 1");
    }
    this.id = Objects.requireNonNull(id);
    this.workspaceId = Objects.requireNonNull(workspaceId);
    this.keyVersion = keyVersion;
    this.state = KeyState.ACTIVE;
    this.wrappedKey = Objects.requireNonNull(wrappedKey).clone();
    this.masterKeyId = Objects.requireNonNull(masterKeyId);
    this.createdAt = now;
    this.stateChangedAt = now;
  }

  /** Rotation: this version stops encrypting new data. */
  public void demote(Instant now) {
    require(KeyState.ACTIVE, "only the active version can be demoted");
    state = KeyState.DECRYPT_ONLY;
    stateChangedAt = now;
  }

  /** The caller has checked that nothing uses this version any more. */
  public void retire(Instant now) {
    require(KeyState.DECRYPT_ONLY, "only a decrypt-only version can be retired");
    state = KeyState.RETIRED;
    stateChangedAt = now;
  }

  /**
   * Crypto-shredding: the wrapped key is erased, so nothing it protected can be decrypted again.
   */
  public void destroy(Instant now) {
    state = KeyState.DESTROYED;
    wrappedKey = null;
    masterKeyId = null;
    stateChangedAt = now;
  }

  /** A master-key rotation: the same key, wrapped under another master key. */
  public void rewrap(byte[] newWrappedKey, String newMasterKeyId) {
    if (state == KeyState.DESTROYED) {
      throw new IllegalStateException("a destroyed key has nothing to rewrap");
    }
    wrappedKey = Objects.requireNonNull(newWrappedKey).clone();
    masterKeyId = Objects.requireNonNull(newMasterKeyId);
  }

  private void require(KeyState expected, String message) {
    if (state != expected) {
      throw new IllegalStateException(message);
    }
  }

  /** The context a wrap of this version is bound to: workspace and version. */
  public static byte[] wrapContext(UUID workspaceId, int keyVersion) {
    return ("sf-workspace-key-v1|" + workspaceId + "|" + keyVersion)
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  public byte[] wrapContext() {
    return wrapContext(workspaceId, keyVersion);
  }

  public UUID id() {
    return id;
  }

  public UUID workspaceId() {
    return workspaceId;
  }

  public int keyVersion() {
    return keyVersion;
  }

  public KeyState state() {
    return state;
  }

  public byte[] wrappedKey() {
    return wrappedKey == null ? null : wrappedKey.clone();
  }

  public String masterKeyId() {
    return masterKeyId;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant stateChangedAt() {
    return stateChangedAt;
  }
}
