package io.secureflows.platform.tenancy;

import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The workspace the current thread's database work is confined to. Hibernate opens each session for
 * {@link #current()} (its tenant filter) and the platform sets the same id as the transaction's
 * {@code sf.workspace_id} (PostgreSQL row-level security). Nothing entered means {@link #NONE}: a
 * tenant no row belongs to, so code that forgets to enter a workspace sees nothing rather than
 * everything.
 *
 * <p>Only the {@link TenantScoped} interceptor and {@link WorkspaceScopes} enter a workspace, both
 * before a transaction begins, so a transaction never sees two workspaces.
 */
public final class WorkspaceScope {
  /** The tenant of work that entered no workspace: matches no row. */
  public static final UUID NONE = new UUID(0L, 0L);

  private static final ThreadLocal<UUID> CURRENT = new ThreadLocal<>();

  private WorkspaceScope() {}

  /** The workspace entered on this thread, or {@link #NONE}. */
  public static UUID current() {
    UUID workspace = CURRENT.get();
    return workspace == null ? NONE : workspace;
  }

  /** Whether a workspace is entered on this thread. */
  public static boolean isEntered() {
    return CURRENT.get() != null;
  }

  static <T> T call(UUID workspaceId, Supplier<T> work) {
    try {
      return callChecked(workspaceId, work::get);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static <T> T callChecked(UUID workspaceId, Callable<T> work) throws Exception {
    Objects.requireNonNull(workspaceId);
    if (NONE.equals(workspaceId)) {
      throw new IllegalArgumentException("NONE is not a workspace");
    }
    UUID previous = CURRENT.get();
    CURRENT.set(workspaceId);
    try {
      return work.call();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }
}
