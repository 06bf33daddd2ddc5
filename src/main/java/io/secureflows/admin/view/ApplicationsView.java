package io.secureflows.admin.view;

import io.secureflows.admin.facade.ApplicationFacade;
import io.secureflows.admin.facade.ConsoleWorkspace;
import io.secureflows.admin.facade.dto.ApplicationForm;
import io.secureflows.admin.facade.dto.ApplicationRow;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.primefaces.PrimeFaces;

/**
 * Applications of the workspace: register one, or edit its redirect-URI allowlist (one URI per
 * line), lifetimes, payload limit and self-registration. Every rule is the service's.
 */
@Named
@ViewScoped
public class ApplicationsView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject ConsoleScope console;

  @Inject ApplicationFacade applications;

  private ConsoleWorkspace workspace;
  private List<ApplicationRow> rows;
  private UUID editing;
  private String clientId;
  private String name;
  private String type = "web";
  private String redirectUris;
  private Integer tokenTtlSeconds;
  private Integer sessionIdleTtlSeconds;
  private Integer sessionMaxTtlSeconds;
  private Integer sessionGraceSeconds;
  private Integer payloadMaxBytes;
  private Boolean registrationAllowed = Boolean.FALSE;

  public void load() {
    workspace = console.workspace();
    rows = workspace == null ? List.of() : applications.list(workspace);
  }

  public void startRegistration() {
    editing = null;
    clientId = null;
    name = null;
    type = "web";
    redirectUris = null;
    tokenTtlSeconds = null;
    sessionIdleTtlSeconds = null;
    sessionMaxTtlSeconds = null;
    sessionGraceSeconds = null;
    payloadMaxBytes = null;
    registrationAllowed = Boolean.FALSE;
  }

  public void startEdit(ApplicationRow row) {
    editing = row.id();
    clientId = row.clientId();
    name = row.name();
    type = row.type();
    redirectUris = String.join("\n", row.redirectUris());
    tokenTtlSeconds = row.tokenTtlSeconds();
    sessionIdleTtlSeconds = row.sessionIdleTtlSeconds();
    sessionMaxTtlSeconds = row.sessionMaxTtlSeconds();
    sessionGraceSeconds = row.sessionGraceSeconds();
    payloadMaxBytes = row.payloadMaxBytes();
    registrationAllowed = row.registrationAllowed();
  }

  public void save() {
    ApplicationForm form =
        new ApplicationForm(
            editing == null ? clientId : null,
            name,
            editing == null ? type : null,
            uris(),
            tokenTtlSeconds,
            sessionIdleTtlSeconds,
            sessionMaxTtlSeconds,
            sessionGraceSeconds,
            payloadMaxBytes,
            registrationAllowed);
    ApplicationRow saved =
        editing == null
            ? Actions.call(() -> applications.register(workspace, form), "Application registered")
            : Actions.call(
                () -> applications.change(workspace, editing, form), "Application saved");
    if (saved != null) {
      load();
      PrimeFaces.current().ajax().addCallbackParam("saved", true);
    }
  }

  private List<String> uris() {
    if (redirectUris == null) {
      return List.of();
    }
    return Arrays.stream(redirectUris.split("\\R"))
        .map(String::strip)
        .filter(u -> !u.isEmpty())
        .toList();
  }

  public List<ApplicationRow> getRows() {
    return rows;
  }

  public boolean isEditing() {
    return editing != null;
  }

  public String getClientId() {
    return clientId;
  }

  public void setClientId(String clientId) {
    this.clientId = clientId;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getRedirectUris() {
    return redirectUris;
  }

  public void setRedirectUris(String redirectUris) {
    this.redirectUris = redirectUris;
  }

  public Integer getTokenTtlSeconds() {
    return tokenTtlSeconds;
  }

  public void setTokenTtlSeconds(Integer tokenTtlSeconds) {
    this.tokenTtlSeconds = tokenTtlSeconds;
  }

  public Integer getSessionIdleTtlSeconds() {
    return sessionIdleTtlSeconds;
  }

  public void setSessionIdleTtlSeconds(Integer sessionIdleTtlSeconds) {
    this.sessionIdleTtlSeconds = sessionIdleTtlSeconds;
  }

  public Integer getSessionMaxTtlSeconds() {
    return sessionMaxTtlSeconds;
  }

  public void setSessionMaxTtlSeconds(Integer sessionMaxTtlSeconds) {
    this.sessionMaxTtlSeconds = sessionMaxTtlSeconds;
  }

  public Integer getSessionGraceSeconds() {
    return sessionGraceSeconds;
  }

  public void setSessionGraceSeconds(Integer sessionGraceSeconds) {
    this.sessionGraceSeconds = sessionGraceSeconds;
  }

  public Integer getPayloadMaxBytes() {
    return payloadMaxBytes;
  }

  public void setPayloadMaxBytes(Integer payloadMaxBytes) {
    this.payloadMaxBytes = payloadMaxBytes;
  }

  public Boolean getRegistrationAllowed() {
    return registrationAllowed;
  }

  public void setRegistrationAllowed(Boolean registrationAllowed) {
    this.registrationAllowed = registrationAllowed;
  }
}
