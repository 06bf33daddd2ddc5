package io.secureflows.session.domain;

import io.secureflows.platform.persistence.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * A user's session with one application. It outlives its sessionTokens: a sign-out or an expired
 * token ends the tokens, not the session row, so that signing in again continues the same session
 * and finds the same payload. The session itself ends when it was idle too long or reached its
 * absolute lifetime (the application's policy).
 */
@Entity
@Table(name = "user_session")
public class UserSession {

  @Id private UUID id;

  @TenantId
  @Column(name = "workspace_id", nullable = false, updatable = false)
  private UUID workspaceId;

  @Column(name = "application_id", nullable = false, updatable = false)
  private UUID applicationId;

  @Column(name = "user_id", nullable = false, updatable = false)
  private UUID userId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "last_seen_at", nullable = false)
  private Instant lastSeenAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  @Column(name = "signed_out_at")
  private Instant signedOutAt;

  @Column(name = "token_generation", nullable = false)
  private int tokenGeneration;

  @Version private long version;

  protected UserSession() {}

  public UserSession(
      UUID workspaceId, UUID applicationId, UUID userId, Duration maxLifetime, Instant now) {
    this.id = Ids.newId();
    this.workspaceId = Objects.requireNonNull(workspaceId);
    this.applicationId = Objects.requireNonNull(applicationId);
    this.userId = Objects.requireNonNull(userId);
    this.createdAt = now;
    this.lastSeenAt = now;
    this.expiresAt = now.plus(maxLifetime);
  }

  /**
   * Whether the session may still be continued: within its absolute lifetime and not idle too long.
   */
  public boolean isAlive(Duration idleLifetime, Instant now) {
    return now.isBefore(expiresAt) && now.isBefore(lastSeenAt.plus(idleLifetime));
  }

  /** A new sign-in continues this session; its tokens carry the current generation. */
  public void continueAt(Instant now) {
    lastSeenAt = now;
  }

  /**
   * A call with a valid token: the session was used (recorded at most once a minute, to keep reads
   * cheap).
   */
  public void seenAt(Instant now) {
    if (lastSeenAt.plusSeconds(60).isBefore(now)) {
      lastSeenAt = now;
    }
  }

  /**
   * Every token issued so far stops working (their generation is left behind); the session and its
   * payload stay for the next sign-in.
   */
  public void signOut(Instant now) {
    signedOutAt = now;
    tokenGeneration++;
  }

  /** Whether a token of this generation may still be used. */
  public boolean acceptsGeneration(long generation) {
    return generation == tokenGeneration;
  }

  public int tokenGeneration() {
    return tokenGeneration;
  }

  public UUID id() {
    return id;
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

  public Instant createdAt() {
    return createdAt;
  }

  public Instant lastSeenAt() {
    return lastSeenAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant signedOutAt() {
    return signedOutAt;
  }
}
