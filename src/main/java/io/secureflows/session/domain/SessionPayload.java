package io.secureflows.session.domain;

import io.secureflows.crypto.Envelope;
import io.secureflows.crypto.EnvelopeEncrypted;
import io.secureflows.crypto.EnvelopeEncryptionListener;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * The payload of one session. Content lives in {@link #content()} (transient) and reaches the
 * database only as the envelope the encryption listener seals at flush. Every replacement
 * increments the payload version, which the ciphertext is bound to and which clients see as the
 * ETag.
 */
@Entity
@Table(name = "session_payload")
@EntityListeners(EnvelopeEncryptionListener.class)
public class SessionPayload implements EnvelopeEncrypted {

  @Id
  @Column(name = "session_id")
  private UUID sessionId;

  @TenantId
  @Column(name = "workspace_id", nullable = false, updatable = false)
  private UUID workspaceId;

  @Column(name = "payload_version", nullable = false)
  private long payloadVersion;

  @Column(name = "key_version", nullable = false)
  private int keyVersion;

  @Column(nullable = false)
  private byte[] nonce;

  @Column(name = "wrapped_data_key", nullable = false)
  private byte[] wrappedDataKey;

  @Column(nullable = false)
  private byte[] ciphertext;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Transient private byte[] content;

  @Transient private byte[] pending;

  protected SessionPayload() {}

  public SessionPayload(UUID workspaceId, UUID sessionId, byte[] content, Instant now) {
    this.workspaceId = Objects.requireNonNull(workspaceId);
    this.sessionId = Objects.requireNonNull(sessionId);
    this.payloadVersion = 1;
    this.updatedAt = now;
    this.pending = Objects.requireNonNull(content).clone();
  }

  /** New content: the version moves on and the listener encrypts it at the next flush. */
  public void replace(byte[] newContent, Instant now) {
    this.pending = Objects.requireNonNull(newContent).clone();
    this.payloadVersion++;
    this.updatedAt = now;
  }

  public byte[] content() {
    byte[] current = pending != null ? pending : content;
    return current == null ? null : current.clone();
  }

  public UUID sessionId() {
    return sessionId;
  }

  public UUID workspaceId() {
    return workspaceId;
  }

  public long payloadVersion() {
    return payloadVersion;
  }

  public int keyVersion() {
    return keyVersion;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /** The binding of a payload's ciphertext: its session and version. */
  public static String binding(UUID sessionId, long payloadVersion) {
    return "session-payload|" + sessionId + "|" + payloadVersion;
  }

  @Override
  public UUID encryptionWorkspaceId() {
    return workspaceId;
  }

  @Override
  public String encryptionBinding() {
    return binding(sessionId, payloadVersion);
  }

  @Override
  public byte[] plaintextToSeal() {
    return pending;
  }

  @Override
  public void sealed(Envelope envelope) {
    keyVersion = envelope.keyVersion();
    nonce = envelope.nonce();
    wrappedDataKey = envelope.wrappedDataKey();
    ciphertext = envelope.ciphertext();
    content = pending;
    pending = null;
  }

  @Override
  public Envelope envelope() {
    return new Envelope(keyVersion, nonce, wrappedDataKey, ciphertext);
  }

  @Override
  public void opened(byte[] plaintext) {
    content = plaintext;
  }
}
