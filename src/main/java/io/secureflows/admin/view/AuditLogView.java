package io.secureflows.admin.view;

import io.secureflows.audit.LogTable;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

/** The workspace's audit log. */
@Named
@ViewScoped
public class AuditLogView extends LogView {
  private static final long serialVersionUID = 1L;

  @Override
  LogTable table() {
    return LogTable.AUDIT;
  }
}
