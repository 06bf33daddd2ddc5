package io.secureflows.operator.domain;

import io.secureflows.platform.error.FieldError;
import io.secureflows.platform.error.InvalidInputException;
import io.secureflows.platform.persistence.Ids;
import io.secureflows.platform.tenancy.Caller;
import io.secureflows.platform.tenancy.OperatorRole;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An admin API key. Only the SHA-256 of the key is stored (keys are 256-bit random, so a fast hash
 * is enough); the key itself is shown once, when it is created.
 */
@Entity
@Table(name = "api_key")
public class ApiKey {

  @Id private UUID id;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(name = "key_hash", nullable = false, updatable = false)
  private byte[] keyHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 32)
  private OperatorRole role;

  @Column(name = "workspace_id", updatable = false)
  private UUID workspaceId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Version private long version;

  protected ApiKey() {}

  /**
   * @throws InvalidInputException if the name is unusable or the role does not fit the scope
   */
  public ApiKey(String name, byte[] keyHash, OperatorRole role, UUID workspaceId, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    if (name == null
        || name.isBlank()
        || name.length() > 100
        || name.codePoints().anyMatch(Character::isISOControl)) {
      errors.add(new FieldError("name", "must be 1 to 100 characters without control characters"));
    }
    if (role == null) {
      errors.add(
          new FieldError("role", "must be one of platform-operator, workspace-admin, auditor"));
    } else if (role == OperatorRole.PLATFORM_OPERATOR && workspaceId != null) {
      errors.add(new FieldError("role", "a key scoped to a workspace cannot be platform-operator"));
    } else if (role == OperatorRole.WORKSPACE_ADMIN && workspaceId == null) {
      errors.add(new FieldError("role", "a workspace-admin key needs a workspace"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    this.id = Ids.newId();
    this.name = name.strip();
    this.keyHash = Objects.requireNonNull(keyHash).clone();
    this.role = role;
    this.workspaceId = workspaceId;
    this.createdAt = now;
  }

  /** Revokes the key for good: it authenticates nothing from now on. */
  public void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  public Optional<Instant> revokedAt() {
    return Optional.ofNullable(revokedAt);
  }

  public boolean isActive() {
    return revokedAt == null;
  }

  /** The caller this key authenticates as. */
  public Caller asCaller() {
    return new Caller("api-key", id, role, Optional.ofNullable(workspaceId));
  }

  public UUID id() {
    return id;
  }

  public String name() {
    return name;
  }

  public OperatorRole role() {
    return role;
  }

  public Optional<UUID> workspaceId() {
    return Optional.ofNullable(workspaceId);
  }

  public Instant createdAt() {
    return createdAt;
  }
}
