package io.secureflows.audit;

import io.secureflows.platform.tenancy.WorkspaceScopes;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * Writes log rows as JSON Lines (one object per line) or CSV (RFC 4180, a header line, and a
 * leading apostrophe before any cell a spreadsheet would run as a formula).
 */
public final class LogExport {
  private LogExport() {}

  public enum Format {
    JSONL("application/jsonl", "jsonl"),
    CSV("text/csv", "csv");

    public final String mediaType;
    public final String extension;

    Format(String mediaType, String extension) {
      this.mediaType = mediaType;
      this.extension = extension;
    }

    /** The format of this name (jsonl when none is given), or null. */
    public static Format named(String name) {
      if (name == null || name.isEmpty() || name.equals("jsonl")) {
        return JSONL;
      }
      return name.equals("csv") ? CSV : null;
    }
  }

  /**
   * Streams every matching row of a workspace's log, oldest first, in a transaction of its own
   * inside the workspace. The caller must have checked that the log is readable ({@link
   * AuditTrail#requireReadable}) before the response began.
   */
  public static void stream(
      WorkspaceScopes scopes,
      AuditTrail trail,
      LogTable table,
      UUID workspace,
      LogQuery query,
      Format format,
      OutputStream output)
      throws IOException {
    Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 65_536);
    header(format, table, out);
    scopes.run(
        workspace,
        () ->
            trail.export(
                table, workspace, query, (Map<String, Object> row) -> row(format, row, out)));
    out.flush();
  }

  /** The file name an export is offered under. */
  public static String fileName(LogTable table, UUID workspace, Format format) {
    return table.name().toLowerCase(java.util.Locale.ROOT)
        + "-"
        + workspace
        + "."
        + format.extension;
  }

  private static void header(Format format, LogTable table, Writer out) throws IOException {
    if (format == Format.CSV) {
      StringBuilder line = new StringBuilder();
      for (LogTable.Column column : table.columns()) {
        line.append(line.isEmpty() ? "" : ",").append(column.name());
      }
      out.write(line.append("\r\n").toString());
    }
  }

  private static void row(Format format, Map<String, Object> row, Writer out) throws IOException {
    if (format == Format.JSONL) {
      JsonObjectBuilder json = Json.createObjectBuilder();
      row.forEach(
          (name, value) -> {
            if (value == null) {
              json.addNull(name);
            } else if (value instanceof Number number) {
              json.add(name, number.longValue());
            } else {
              json.add(name, value.toString());
            }
          });
      out.write(json.build().toString());
      out.write('\n');
      return;
    }
    StringBuilder line = new StringBuilder();
    boolean first = true;
    for (Object value : row.values()) {
      line.append(first ? "" : ",").append(csvCell(value));
      first = false;
    }
    out.write(line.append("\r\n").toString());
  }

  static String csvCell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (!(value instanceof Number) && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.indexOf(',') >= 0
        || text.indexOf('"') >= 0
        || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
