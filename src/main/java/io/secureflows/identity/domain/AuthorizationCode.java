package io.secureflows.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * An authorization code, stored only as its SHA-256: bound to the client, the exact redirect URI,
 * the user, the session and the PKCE challenge; valid once and for at most 60 seconds.
 */
@Entity
@Table(name = "authorization_code")
public class AuthorizationCode {
  public static final Duration LIFETIME = Duration.ofSeconds(60);

  @Id
  @Column(name = "code_hash")
  private byte[] codeHash;

  @TenantId
  @Column(name = "workspace_id", nullable = false, updatable = false)
  private UUID workspaceId;

  @Column(name = "application_id", nullable = false, updatable = false)
  private UUID applicationId;

  @Column(name = "user_id", nullable = false, updatable = false)
  private UUID userId;

  @Column(name = "session_id", nullable = false, updatable = false)
  private UUID sessionId;

  @Column(name = "redirect_uri", nullable = false, updatable = false, length = 2000)
  private String redirectUri;

  @Column(name = "code_challenge", nullable = false, updatable = false, length = 43)
  private String codeChallenge;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  protected AuthorizationCode() {}

  public AuthorizationCode(
      byte[] codeHash,
      UUID workspaceId,
      UUID applicationId,
      UUID userId,
      UUID sessionId,
      String redirectUri,
      String codeChallenge,
      Instant now) {
    this.codeHash = codeHash.clone();
    this.workspaceId = Objects.requireNonNull(workspaceId);
    this.applicationId = Objects.requireNonNull(applicationId);
    this.userId = Objects.requireNonNull(userId);
    this.sessionId = Objects.requireNonNull(sessionId);
    this.redirectUri = Objects.requireNonNull(redirectUri);
    this.codeChallenge = Objects.requireNonNull(codeChallenge);
    this.createdAt = now;
    this.expiresAt = now.plus(LIFETIME);
  }

  public boolean isUsed() {
    return usedAt != null;
  }

  public boolean isExpired(Instant now) {
    return !now.isBefore(expiresAt);
  }

  public void markUsed(Instant now) {
    if (usedAt != null) {
      throw new IllegalStateException("an authorization code is used once");
    }
    usedAt = now;
  }

  public UUID workspaceId() {
    return workspaceId;
  }

  public UUID applicationId() {
    return applicationId;
  }

  public UUID userId() {
    return userId;
  }

  public UUID sessionId() {
    return sessionId;
  }

  public String redirectUri() {
    return redirectUri;
  }

  public String codeChallenge() {
    return codeChallenge;
  }
}
