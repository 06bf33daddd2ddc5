package io.secureflows.audit.api;

import io.secureflows.audit.LogTable;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * Writes log rows as JSON Lines (one object per line) or CSV (RFC 4180, a header line, and a
 * leading apostrophe before any cell a spreadsheet would run as a formula).
 */
final class LogExport {
  private LogExport() {}

  enum Format {
    JSONL("application/jsonl", "jsonl"),
    CSV("text/csv", "csv");

    final String mediaType;
    final String extension;

    Format(String mediaType, String extension) {
      this.mediaType = mediaType;
      this.extension = extension;
    }

    static Format named(String name) {
      if (name == null || name.isEmpty() || name.equals("jsonl")) {
        return JSONL;
      }
      return name.equals("csv") ? CSV : null;
    }
  }

  static void header(Format format, LogTable table, Writer out) throws IOException {
    if (format == Format.CSV) {
      StringBuilder line = new StringBuilder();
      for (LogTable.Column column : table.columns()) {
        line.append(line.isEmpty() ? "" : ",").append(column.name());
      }
      out.write(line.append("\r\n").toString());
    }
  }

  static void row(Format format, Map<String, Object> row, Writer out) throws IOException {
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
