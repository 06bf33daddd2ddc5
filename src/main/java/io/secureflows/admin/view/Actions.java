package io.secureflows.admin.view;

import io.secureflows.platform.error.ConflictException;
import io.secureflows.platform.error.FieldError;
import io.secureflows.platform.error.ForbiddenException;
import io.secureflows.platform.error.InvalidInputException;
import io.secureflows.platform.error.NotFoundException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.function.Supplier;

/**
 * Runs a console action and turns the services' refusals into messages on the page: the same
 * problems the admin API answers with 400, 403, 404 or 409, worded for an operator. Anything else
 * is a server error and goes to the error page.
 */
final class Actions {
  private Actions() {}

  /** Runs the action; true if it succeeded, after showing {@code success} (if any). */
  static boolean run(Runnable action, String success) {
    return call(
            () -> {
              action.run();
              return Boolean.TRUE;
            },
            success)
        != null;
  }

  /** Calls the action; its result, or null after showing why it was refused. */
  static <T> T call(Supplier<T> action, String success) {
    try {
      T result = action.get();
      if (success != null) {
        info(success);
      }
      return result;
    } catch (InvalidInputException e) {
      for (FieldError error : e.errors()) {
        error(error.field() + " " + error.message());
      }
    } catch (ConflictException | ForbiddenException e) {
      error(e.getMessage());
    } catch (NotFoundException e) {
      error("Not found: it does not exist, or it is outside your workspace.");
    }
    return null;
  }

  static void info(String message) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
  }

  static void error(String message) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
  }
}
