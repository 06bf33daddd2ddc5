package io.secureflows.admin.facade;

import io.secureflows.admin.facade.dto.ApplicationForm;
import io.secureflows.admin.facade.dto.ApplicationRow;
import io.secureflows.platform.error.InvalidInputException;
import io.secureflows.platform.tenancy.TenantScoped;
import io.secureflows.workspace.app.ApplicationService;
import io.secureflows.workspace.domain.Application;
import io.secureflows.workspace.domain.ApplicationSettings;
import io.secureflows.workspace.domain.ApplicationType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/** Applications of one workspace: the same registration and change rules as the admin API. */
@ApplicationScoped
@TenantScoped
public class ApplicationFacade {

  @Inject ApplicationService applications;

  public List<ApplicationRow> list(ConsoleWorkspace workspace) {
    return applications.list(workspace.id()).stream().map(ApplicationFacade::row).toList();
  }

  public ApplicationRow get(ConsoleWorkspace workspace, UUID applicationId) {
    return row(applications.get(workspace.id(), applicationId));
  }

  public ApplicationRow register(ConsoleWorkspace workspace, ApplicationForm form) {
    ApplicationType type = ApplicationType.fromExternalName(form.type());
    if (type == null) {
      throw InvalidInputException.of("type", "must be one of web, mobile, automation");
    }
    return row(
        applications.register(
            workspace.id(),
            form.clientId(),
            form.name(),
            type,
            form.redirectUris(),
            settings(form)));
  }

  public ApplicationRow change(
      ConsoleWorkspace workspace, UUID applicationId, ApplicationForm form) {
    return row(
        applications.change(
            workspace.id(), applicationId, form.name(), form.redirectUris(), settings(form)));
  }

  private static ApplicationSettings settings(ApplicationForm form) {
    return new ApplicationSettings(
        form.tokenTtlSeconds(),
        form.sessionIdleTtlSeconds(),
        form.sessionMaxTtlSeconds(),
        form.payloadMaxBytes(),
        form.registrationAllowed(),
        form.sessionGraceSeconds());
  }

  private static ApplicationRow row(Application application) {
    return new ApplicationRow(
        application.id(),
        application.clientId(),
        application.name(),
        application.type().externalName(),
        List.copyOf(application.redirectUris()),
        application.tokenTtlSeconds(),
        application.sessionIdleTtlSeconds(),
        application.sessionMaxTtlSeconds(),
        application.sessionGraceSeconds(),
        application.payloadMaxBytes(),
        application.registrationAllowed(),
        application.createdAt());
  }
}
