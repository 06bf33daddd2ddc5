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
 * A browser signed in to the hosted login of one workspace: the server side of the hosted-login
 * cookie, stored only as the SHA-256 of the cookie's value. While it is valid, the authorize page
 * issues a code without asking for the password again. A new sign-in always makes a new one (no
 * fixation); logout revokes it.
 */
@Entity
@Table(name = "login_session")
public class LoginSession {
  public static final Duration LIFETIME = Duration.ofHours(12);

  @Id
  @Column(name = "cookie_hash")
  private byte[] cookieHash;

  @TenantId
  @Column(name = "workspace_id", nullable = false, updatable = false)
  private UUID workspaceId;

  @Column(name = "user_id", nullable = false, updatable = false)
  private UUID userId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected LoginSession() {}

  public LoginSession(byte[] cookieHash, UUID workspaceId, UUID userId, Instant now) {
    this.cookieHash = cookieHash.clone();
    this.workspaceId = Objects.requireNonNull(workspaceId);
    this.userId = Objects.requireNonNull(userId);
    this.createdAt = now;
    this.expiresAt = now.plus(LIFETIME);
  }

  public boolean isValid(Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }

  public void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  public UUID workspaceId() {
    return workspaceId;
  }

  public UUID userId() {
    return userId;
  }
}
