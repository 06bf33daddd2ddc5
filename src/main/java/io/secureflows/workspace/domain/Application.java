package io.secureflows.workspace.domain;

import io.secureflows.platform.error.FieldError;
import io.secureflows.platform.error.InvalidInputException;
import io.secureflows.platform.persistence.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.annotations.TenantId;

/**
 * A client application registered in a workspace: its public client id, its exact redirect-URI
 * allowlist and its lifecycle settings. A new application is valid or is not created.
 */
@Entity
@Table(name = "application")
public class Application {
  public static final String CLIENT_ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{2,63}";
  static final int MAX_REDIRECT_URIS = 20;
  private static final Pattern WEB_ORIGIN = Pattern.compile("(https?://[^/?#]+)");

  @Id private UUID id;

  @TenantId
  @Column(name = "workspace_id", nullable = false, updatable = false)
  private UUID workspaceId;

  @Column(name = "client_id", nullable = false, updatable = false, length = 64)
  private String clientId;

  @Column(nullable = false, length = Names.MAX_LENGTH)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 16)
  private ApplicationType type;

  @Column(name = "redirect_uris", nullable = false)
  private String[] redirectUris;

  @Column(name = "token_ttl_seconds", nullable = false)
  private int tokenTtlSeconds;

  @Column(name = "session_idle_ttl_seconds", nullable = false)
  private int sessionIdleTtlSeconds;

  @Column(name = "session_max_ttl_seconds", nullable = false)
  private int sessionMaxTtlSeconds;

  @Column(name = "payload_max_bytes", nullable = false)
  private int payloadMaxBytes;

  @Column(name = "registration_allowed", nullable = false)
  private boolean registrationAllowed;

  @Column(name = "session_grace_seconds", nullable = false)
  private int sessionGraceSeconds;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Application() {}

  /**
   * @throws InvalidInputException naming every field that breaks a rule
   */
  public Application(
      UUID workspaceId,
      String clientId,
      String name,
      ApplicationType type,
      List<String> redirectUris,
      ApplicationSettings settings,
      Instant now) {
    Objects.requireNonNull(workspaceId);
    List<FieldError> errors = new ArrayList<>();
    if (clientId == null || !clientId.matches(CLIENT_ID_PATTERN)) {
      errors.add(
          new FieldError(
              "clientId",
              "must be 3 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit"));
    }
    String checkedName = Names.check("name", name, errors);
    if (type == null) {
      errors.add(new FieldError("type", "must be one of web, mobile, automation"));
    }
    List<String> uris = checkRedirectUris(redirectUris, type, errors);
    ApplicationSettings resolved =
        (settings == null ? ApplicationSettings.defaults() : settings).resolved(errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    this.id = Ids.newId();
    this.workspaceId = workspaceId;
    this.clientId = clientId;
    this.name = checkedName;
    this.type = type;
    this.redirectUris = uris.toArray(String[]::new);
    apply(resolved);
    this.createdAt = now;
    this.updatedAt = now;
  }

  private void apply(ApplicationSettings resolved) {
    this.tokenTtlSeconds = resolved.tokenTtlSeconds();
    this.sessionIdleTtlSeconds = resolved.sessionIdleTtlSeconds();
    this.sessionMaxTtlSeconds = resolved.sessionMaxTtlSeconds();
    this.payloadMaxBytes = resolved.payloadMaxBytes();
    this.registrationAllowed = resolved.registrationAllowed();
    this.sessionGraceSeconds = resolved.sessionGraceSeconds();
  }

  /** The settings as they are now. */
  public ApplicationSettings settings() {
    return new ApplicationSettings(
        tokenTtlSeconds,
        sessionIdleTtlSeconds,
        sessionMaxTtlSeconds,
        payloadMaxBytes,
        registrationAllowed,
        sessionGraceSeconds);
  }

  /**
   * Changes what is given (null: unchanged); the client id and type never change. Either every
   * change is valid and applied, or none is.
   *
   * @return whether the session lifecycle (idle, max or grace) changed
   * @throws InvalidInputException naming every field that breaks a rule
   */
  public boolean change(
      String newName, List<String> newRedirectUris, ApplicationSettings changes, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    String checkedName = newName == null ? name : Names.check("name", newName, errors);
    List<String> uris =
        newRedirectUris == null ? redirectUris() : checkRedirectUris(newRedirectUris, type, errors);
    ApplicationSettings resolved =
        (changes == null ? ApplicationSettings.defaults() : changes).over(settings(), errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    boolean lifecycleChanged =
        resolved.sessionIdleTtlSeconds() != sessionIdleTtlSeconds
            || resolved.sessionMaxTtlSeconds() != sessionMaxTtlSeconds
            || resolved.sessionGraceSeconds() != sessionGraceSeconds;
    this.name = checkedName;
    this.redirectUris = uris.toArray(String[]::new);
    apply(resolved);
    this.updatedAt = now;
    return lifecycleChanged;
  }

  private static List<String> checkRedirectUris(
      List<String> uris, ApplicationType type, List<FieldError> errors) {
    if (uris == null || uris.isEmpty()) {
      if (type != ApplicationType.AUTOMATION) {
        errors.add(new FieldError("redirectUris", "at least one redirect URI is required"));
      }
      return List.of();
    }
    if (uris.size() > MAX_REDIRECT_URIS) {
      errors.add(new FieldError("redirectUris", "at most " + MAX_REDIRECT_URIS + " redirect URIs"));
      return List.of();
    }
    if (new LinkedHashSet<>(uris).size() != uris.size()) {
      errors.add(new FieldError("redirectUris", "must not repeat a URI"));
    }
    for (int i = 0; i < uris.size(); i++) {
      int index = i;
      RedirectUriPolicy.violation(uris.get(i), type == null ? ApplicationType.WEB : type)
          .ifPresent(reason -> errors.add(new FieldError("redirectUris[" + index + "]", reason)));
    }
    return new ArrayList<>(uris);
  }

  /**
   * Whether this application may be sent back to the requested redirect URI ({@link
   * RedirectUriPolicy#matches}).
   */
  public boolean acceptsRedirect(String requested) {
    return RedirectUriPolicy.matches(List.of(redirectUris), requested, type);
  }

  public UUID id() {
    return id;
  }

  public UUID workspaceId() {
    return workspaceId;
  }

  public String clientId() {
    return clientId;
  }

  public String name() {
    return name;
  }

  public ApplicationType type() {
    return type;
  }

  public List<String> redirectUris() {
    return List.of(redirectUris);
  }

  /**
   * Whether a browser page of {@code origin} is this application's: it is a web application and one
   * of its redirect URIs starts with that origin, compared as the {@code origin_check} policy that
   * answers CORS compares it (release 0.6.0).
   */
  public boolean servesOrigin(String origin) {
    if (type != ApplicationType.WEB || origin == null) {
      return false;
    }
    String wanted = origin.toLowerCase(Locale.ROOT);
    for (String uri : redirectUris) {
      Matcher web = WEB_ORIGIN.matcher(uri);
      if (web.lookingAt() && web.group(1).toLowerCase(Locale.ROOT).equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  public int tokenTtlSeconds() {
    return tokenTtlSeconds;
  }

  public int sessionIdleTtlSeconds() {
    return sessionIdleTtlSeconds;
  }

  public int sessionMaxTtlSeconds() {
    return sessionMaxTtlSeconds;
  }

  public int payloadMaxBytes() {
    return payloadMaxBytes;
  }

  public int sessionGraceSeconds() {
    return sessionGraceSeconds;
  }

  public boolean registrationAllowed() {
    return registrationAllowed;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
