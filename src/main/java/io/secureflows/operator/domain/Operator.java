package io.secureflows.operator.domain;

import io.secureflows.platform.persistence.Ids;
import io.secureflows.platform.tenancy.OperatorRole;
import jakarta.persistence.Column;
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

  @Version private long version;

  protected Operator() {}

  public Operator(
      String username, String passwordHash, OperatorRole role, UUID workspaceId, Instant now) {
    if (username == null || !username.matches("[a-z0-9][a-z0-9._@-]{0,99}")) {
      throw new IllegalArgumentException(
          "an operator username is 1 to 100 lower-case letters, digits, '.', '_', '@' or '-'");
    }
    if (role == OperatorRole.PLATFORM_OPERATOR && workspaceId != null
        || role == OperatorRole.WORKSPACE_ADMIN && workspaceId == null) {
      throw new IllegalArgumentException(
          "a platform operator has no workspace; a workspace admin has exactly one");
    }
    this.id = Ids.newId();
    this.username = username;
    this.passwordHash = Objects.requireNonNull(passwordHash);
    this.role = Objects.requireNonNull(role);
    this.workspaceId = workspaceId;
    this.enabled = true;
    this.createdAt = now;
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
