package io.secureflows.admin.view;

import jakarta.faces.application.ProtectedViewException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * Answers the two refusals of Faces' own protections as the client errors they are, instead of a
 * server error: a post whose view state is unknown (expired, or forged by another site) is 400, a
 * protected view opened without its token (a link from another site) is 403. An Ajax request with
 * an expired view reloads its page instead, which is what an operator back from a break expects.
 */
public class ConsoleExceptionHandlerFactory extends ExceptionHandlerFactory {

  public ConsoleExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new Handler(getWrapped().getExceptionHandler());
  }

  private static final class Handler extends ExceptionHandlerWrapper {
    Handler(ExceptionHandler wrapped) {
      super(wrapped);
    }

    @Override
    public void handle() {
      FacesContext faces = FacesContext.getCurrentInstance();
      Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
      while (events.hasNext()) {
        Throwable failure = events.next().getContext().getException();
        Integer status = statusFor(failure);
        if (status == null || faces.getResponseComplete()) {
          continue;
        }
        events.remove();
        try {
          if (status == 400 && faces.getPartialViewContext().isAjaxRequest()) {
            faces.getExternalContext().redirect(reloadUrl(faces));
          } else {
            faces.getExternalContext().responseSendError(status, null);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        faces.responseComplete();
      }
      super.handle();
    }

    private static Integer statusFor(Throwable failure) {
      for (Throwable t = failure; t != null; t = t.getCause()) {
        if (t instanceof ProtectedViewException) {
          return 403;
        }
        if (t instanceof ViewExpiredException) {
          return 400;
        }
      }
      return null;
    }

    private static String reloadUrl(FacesContext faces) {
      var external = faces.getExternalContext();
      String path = external.getRequestServletPath();
      return external.getRequestContextPath() + (path == null ? "/admin/" : path);
    }
  }
}
