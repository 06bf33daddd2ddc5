package io.secureflows.workspace.domain;

import io.secureflows.platform.error.FieldError;
import io.secureflows.platform.error.InvalidInputException;
import io.secureflows.platform.persistence.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A tenant: the boundary of isolation, encryption keys and administration. */
@Entity
@Table(name = "workspace")
public class Workspace {

  @Id private UUID id;

  @Column(nullable = false, length = Names.MAX_LENGTH)
  private String name;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Workspace() {}

  public Workspace(String name, Instant now) {
    this.id = Ids.newId();
    this.name = validName(name);
    this.createdAt = now;
    this.updatedAt = now;
  }

  public void rename(String newName, Instant now) {
    this.name = validName(newName);
    this.updatedAt = now;
  }

  private static String validName(String name) {
    List<FieldError> errors = new ArrayList<>();
    String checked = Names.check("name", name, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return checked;
  }

  public UUID id() {
    return id;
  }

  public String name() {
    return name;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
