package io.secureflows.identity.domain;

import io.secureflows.platform.persistence.Ids;
import io.secureflows.platform.security.LockoutPolicy;
import io.secureflows.platform.security.SignInLockout;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * A user of one workspace. Holds an Argon2id hash of the password, never the password, and the
 * lockout state of the brute-force guard.
 */
@Entity
@Table(name = "end_user")
public class EndUser {

  @Id private UUID id;

  @TenantId
  @Column(name = "workspace_id", nullable = false, updatable = false)
  private UUID workspaceId;

  @Column(nullable = false, updatable = false, length = 254)
  private String email;

  @Column(name = "password_hash", nullable = false, length = 200)
  private String passwordHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private UserStatus status;

  @Embedded private SignInLockout lockout = new SignInLockout();

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected EndUser() {}

  /**
   * @param normalisedEmail an email already checked and normalised by {@link Credentials#email}
   */
  public EndUser(UUID workspaceId, String normalisedEmail, String passwordHash, Instant now) {
    this.id = Ids.newId();
    this.workspaceId = Objects.requireNonNull(workspaceId);
    this.email = Objects.requireNonNull(normalisedEmail);
    this.passwordHash = Objects.requireNonNull(passwordHash);
    this.status = UserStatus.ACTIVE;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public void disable(Instant now) {
    status = UserStatus.DISABLED;
    updatedAt = now;
  }

  public void enable(Instant now) {
    status = UserStatus.ACTIVE;
    updatedAt = now;
  }

  /** Whether sign-in is refused for now by the brute-force lock. */
  public boolean isLocked(Instant now) {
    return lockout.isLocked(now);
  }

  /**
   * A failed sign-in: counts it and, past the policy's threshold, locks the account for a growing
   * while.
   */
  public void recordFailedSignIn(LockoutPolicy policy, Instant now) {
    lockout.recordFailure(policy, now);
    updatedAt = now;
  }

  /** A successful sign-in: the failures are forgotten. */
  public void recordSuccessfulSignIn(Instant now) {
    if (lockout.reset()) {
      updatedAt = now;
    }
  }

  /** Lifts a brute-force lockout and forgets the failed attempts. */
  public void unlock(Instant now) {
    lockout.reset();
    updatedAt = now;
  }

  public void changePassword(String newHash, Instant now) {
    passwordHash = Objects.requireNonNull(newHash);
    updatedAt = now;
  }

  public UUID id() {
    return id;
  }

  public UUID workspaceId() {
    return workspaceId;
  }

  public String email() {
    return email;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public UserStatus status() {
    return status;
  }

  public int failedAttempts() {
    return lockout.failedAttempts();
  }

  public Instant lockedUntil() {
    return lockout.lockedUntil();
  }

  public Instant createdAt() {
    return createdAt;
  }
}
