package io.secureflows.admin.view;

import io.secureflows.admin.facade.ConsoleWorkspace;
import io.secureflows.admin.facade.SessionFacade;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonStructure;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.Serializable;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads one session's payload after the operator typed why. The read is audited before anything is
 * shown (fail closed); the payload is kept only in this view and shown as indented JSON. A
 * protected view: it opens only from the sessions page's link, never from another site's.
 */
@Named
@ViewScoped
public class PayloadView implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final JsonWriterFactory PRETTY =
      Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

  @Inject ConsoleScope console;

  @Inject SessionFacade sessions;

  private ConsoleWorkspace workspace;
  private String session;
  private String reason;
  private String payload;
  private boolean read;

  public void load() {
    workspace = console.workspace();
  }

  public void readPayload() {
    UUID id;
    try {
      id = UUID.fromString(session);
    } catch (IllegalArgumentException | NullPointerException e) {
      Actions.error("session is not a session id");
      return;
    }
    Optional<String> content =
        Actions.call(() -> sessions.readPayload(workspace, id, reason), null);
    if (content != null) {
      read = true;
      payload = content.map(PayloadView::indent).orElse(null);
      Actions.info("The read was recorded in the audit log with your reason");
    }
  }

  private static String indent(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      JsonStructure structure = reader.read();
      StringWriter out = new StringWriter();
      try (JsonWriter writer = PRETTY.createWriter(out)) {
        writer.write(structure);
      }
      return out.toString().strip();
    } catch (RuntimeException notAnObjectOrArray) {
      return json;
    }
  }

  public String getSession() {
    return session;
  }

  public void setSession(String session) {
    this.session = session;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getPayload() {
    return payload;
  }

  public boolean isRead() {
    return read;
  }
}
