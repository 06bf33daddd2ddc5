package io.secureflows.admin.facade;

import io.secureflows.admin.facade.dto.UserRow;
import io.secureflows.identity.app.UserDirectory;
import io.secureflows.identity.domain.EndUser;
import io.secureflows.platform.tenancy.TenantScoped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** End users of one workspace. */
@ApplicationScoped
@TenantScoped
public class UserFacade {
  /** One page of the user search: enough to find someone by the start of their email. */
  public static final int PAGE = 100;

  @Inject UserDirectory users;

  @Inject Clock clock;

  public List<UserRow> search(ConsoleWorkspace workspace, String emailPrefix) {
    return users.list(workspace.id(), emailPrefix, null, PAGE).stream().map(this::row).toList();
  }

  public UserRow create(ConsoleWorkspace workspace, String email, String password) {
    return row(users.create(workspace.id(), email, password));
  }

  public UserRow disable(ConsoleWorkspace workspace, UUID userId) {
    return row(users.disable(workspace.id(), userId));
  }

  public UserRow enable(ConsoleWorkspace workspace, UUID userId) {
    return row(users.enable(workspace.id(), userId));
  }

  public UserRow unlock(ConsoleWorkspace workspace, UUID userId) {
    return row(users.unlock(workspace.id(), userId));
  }

  public UserRow resetPassword(ConsoleWorkspace workspace, UUID userId, String password) {
    return row(users.resetPassword(workspace.id(), userId, password));
  }

  private UserRow row(EndUser user) {
    return new UserRow(
        user.id(),
        user.email(),
        user.status().name().toLowerCase(Locale.ROOT),
        user.isLocked(clock.instant()),
        user.failedAttempts(),
        user.createdAt());
  }
}
