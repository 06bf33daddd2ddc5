package io.secureflows.session.domain;

import io.secureflows.platform.persistence.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
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

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "purge_after", nullable = false)
  private Instant purgeAfter;

  @Column(name = "signed_out_at")
  private Instant signedOutAt;

  @Column(name = "token_generation", nullable = false)
  private int tokenGeneration;

  @Version private long version;

  protected UserSession() {}

  public UserSession(
      UUID workspaceId, UUID applicationId, UUID userId, SessionLifetime lifetime, Instant now) {
    this.id = Ids.newId();
    this.workspaceId = Objects.requireNonNull(workspaceId);
    this.applicationId = Objects.requireNonNull(applicationId);
    this.userId = Objects.requireNonNull(userId);
    this.createdAt = now;
    this.lastSeenAt = now;
    applyPolicy(lifetime);
  }

  /** Whether the session is still within its lifetime ({@code expires_at}); sign-outs aside. */
  public boolean isAlive(Instant now) {
    return now.isBefore(expiresAt);
  }

  /** A new sign-in continues this session; its tokens carry the current generation. */
  public void continueAt(Instant now, SessionLifetime lifetime) {
    lastSeenAt = now;
    applyPolicy(lifetime);
  }

  /**
   * A call with a valid token: the session was used (written only when the recorded use is older
   * than the policy's touch interval, to keep reads cheap).
   */
  public void seenAt(Instant now, SessionLifetime lifetime) {
    if (!lastSeenAt.plus(lifetime.touchInterval()).isAfter(now)) {
      lastSeenAt = now;
      applyPolicy(lifetime);
    }
  }

  /** Recomputes the end and the purge time under the (possibly changed) policy. */
  public void applyPolicy(SessionLifetime lifetime) {
    expiresAt = lifetime.endOf(createdAt, lastSeenAt);
    purgeAfter = expiresAt.plus(lifetime.grace());
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

  public Instant purgeAfter() {
    return purgeAfter;
  }

  public Instant signedOutAt() {
    return signedOutAt;
  }
}
