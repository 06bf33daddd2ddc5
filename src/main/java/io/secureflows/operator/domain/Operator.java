package io.secureflows.operator.domain;

import io.secureflows.platform.persistence.Ids;
import io.secureflows.platform.security.LockoutPolicy;
import io.secureflows.platform.security.SignInLockout;
import io.secureflows.platform.tenancy.Caller;
import io.secureflows.platform.tenancy.OperatorRole;
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
import java.util.Optional;
import java.util.UUID;

/** A console account. Holds an Argon2id hash of its password, never the password. */
@Entity
@Table(name = "operator")
public class Operator {

  @Id private UUID id;

  @Column(nullable = false, updatable = false, length = 100)
  private String username;

  @Column(name = "password_hash", nullable = false, length = 200)
  private String passwordHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private OperatorRole role;

  @Column(name = "workspace_id")
  private UUID workspaceId;

  @Column(nullable = false)
  private boolean enabled;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Embedded private SignInLockout lockout = new SignInLockout();

  @Column(name = "totp_secret")
  private byte[] wrappedTotpSecret;

  @Column(name = "totp_master_key_id", length = 200)
  private String totpMasterKeyId;

  @Column(name = "totp_last_step", nullable = false)
  private long totpLastStep;

  @Version private long version;

  protected Operator() {}

  public Operator(
      String username, String passwordHash, OperatorRole role, UUID workspaceId, Instant now) {
    if (username == null || !username.matches("[a-z0-9][a-z0-9._@-]{0,99}")) {
      throw new IllegalArgumentException(
          "an operator username is 1 to 100 lower-case letters, digits, '.', '_', '@' or '-'");
    }
    requireScopeFits(role, workspaceId);
    this.id = Ids.newId();
    this.username = username;
    this.passwordHash = Objects.requireNonNull(passwordHash);
    this.role = Objects.requireNonNull(role);
    this.workspaceId = workspaceId;
    this.enabled = true;
    this.createdAt = now;
    this.updatedAt = now;
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

  public void disable(Instant now) {
    enabled = false;
    updatedAt = now;
  }

  public void enable(Instant now) {
    enabled = true;
    updatedAt = now;
  }

  /**
   * A new role; a workspace admin needs its one workspace, the other roles as they were created.
   */
  public void changeRole(OperatorRole newRole, UUID newWorkspaceId, Instant now) {
    requireScopeFits(newRole, newWorkspaceId);
    role = newRole;
    workspaceId = newWorkspaceId;
    updatedAt = now;
  }

  public void changePasswordHash(String newHash, Instant now) {
    passwordHash = Objects.requireNonNull(newHash);
    updatedAt = now;
  }

  /**
   * Enrols a second factor: the TOTP secret as wrapped by the master key with this id (the entity
   * never sees it in the clear).
   */
  public void enrolTotp(byte[] wrappedSecret, String masterKeyId, Instant now) {
    wrappedTotpSecret = Objects.requireNonNull(wrappedSecret).clone();
    totpMasterKeyId = Objects.requireNonNull(masterKeyId);
    totpLastStep = 0;
    updatedAt = now;
  }

  /** The same TOTP secret, wrapped again by a newer master key. */
  public void rewrapTotp(byte[] wrappedSecret, String masterKeyId, Instant now) {
    if (wrappedTotpSecret == null) {
      throw new IllegalStateException("no second factor to rewrap");
    }
    wrappedTotpSecret = Objects.requireNonNull(wrappedSecret).clone();
    totpMasterKeyId = Objects.requireNonNull(masterKeyId);
    updatedAt = now;
  }

  public void removeTotp(Instant now) {
    wrappedTotpSecret = null;
    totpMasterKeyId = null;
    totpLastStep = 0;
    updatedAt = now;
  }

  /** Records the time step of an accepted code, so that the same code never signs in twice. */
  public void useTotpStep(long step, Instant now) {
    if (step <= totpLastStep) {
      throw new IllegalStateException("a TOTP step is used once");
    }
    totpLastStep = step;
    updatedAt = now;
  }

  public boolean hasTotp() {
    return wrappedTotpSecret != null;
  }

  public Optional<byte[]> wrappedTotpSecret() {
    return Optional.ofNullable(wrappedTotpSecret).map(byte[]::clone);
  }

  public String totpMasterKeyId() {
    return totpMasterKeyId;
  }

  public long totpLastStep() {
    return totpLastStep;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant lockedUntil() {
    return lockout.lockedUntil();
  }

  /** The caller this account stands for in the services' scope checks and in the audit log. */
  public Caller asCaller() {
    return new Caller("operator", id, role, workspaceId());
  }

  private static void requireScopeFits(OperatorRole role, UUID workspaceId) {
    if (role == OperatorRole.PLATFORM_OPERATOR && workspaceId != null
        || role == OperatorRole.WORKSPACE_ADMIN && workspaceId == null) {
      throw new IllegalArgumentException(
          "a platform operator has no workspace; a workspace admin has exactly one");
    }
  }

  public UUID id() {
    return id;
  }

  public String username() {
    return username;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public OperatorRole role() {
    return role;
  }

  public Optional<UUID> workspaceId() {
    return Optional.ofNullable(workspaceId);
  }

  public boolean enabled() {
    return enabled;
  }
}
