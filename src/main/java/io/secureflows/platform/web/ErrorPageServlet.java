package io.secureflows.platform.web;

import io.secureflows.platform.persistence.DatabaseUnavailable;
import io.secureflows.platform.rest.Problem;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The servlet container's error page (web.xml): errors raised outside JAX-RS (an unknown path, a
 * failure in a filter, a failed commit) answer problem+json too, with a generic detail and never
 * the exception; a database that cannot be reached answers 503 with {@code Retry-After}.
 */
public class ErrorPageServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer value && value >= 400 ? value : 500;
    Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    boolean outage = failure != null && DatabaseUnavailable.causes(failure);
    if (outage) {
      status = 503;
      DatabaseUnavailable.report(failure);
      response.setHeader("Retry-After", Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
    } else if (failure != null) {
      status = 500;
      LOG.log(Level.SEVERE, "Unhandled error outside the API", failure);
    }
    Response.StatusType type = Response.Status.fromStatusCode(status);
    String title = type == null ? "Error" : type.getReasonPhrase();
    String slug =
        switch (status) {
          case 404 -> "not-found";
          case 405 -> "method-not-allowed";
          default -> status >= 500 ? "server-error" : "client-error";
        };
    Problem problem =
        outage ? Problem.databaseUnavailable() : Problem.of(slug, title, status, null);
    if (fromConsole(request)) {
      consolePage(request.getContextPath(), response, status, title);
      return;
    }
    response.setStatus(status);
    response.setContentType(Problem.MEDIA_TYPE.toString());
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write(problem.toJson());
  }

  /** An error of a console page, which a person reads in a browser. */
  private static boolean fromConsole(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    return uri instanceof String path
        && path.startsWith(request.getContextPath() + "/admin/")
        && !"partial/ajax".equals(request.getHeader("Faces-Request"));
  }

  /** A plain page with the status alone (never the exception), and the way back. */
  private static void consolePage(
      String contextPath, HttpServletResponse response, int status, String title)
      throws IOException {
    String explanation =
        switch (status) {
          case 400 ->
              "The page was out of date or the form did not come from it. Nothing was changed.";
          case 403 ->
              "Your role does not allow this page, or the link did not come from the console.";
          case 404 -> "There is no such page or workspace, or it is outside your workspace.";
          default -> "Something went wrong on the server. Nothing was shown or changed.";
        };
    response.setStatus(status);
    response.setContentType("text/html");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Cache-Control", "no-store");
    response
        .getWriter()
        .write(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + status
                + " "
                + title
                + " · secureFlows console</title></head><body><h1>"
                + status
                + " "
                + title
                + "</h1><p>"
                + explanation
                + "</p><p><a href=\""
                + contextPath
                + "/admin/\">Back to the console</a></p></body></html>");
  }
}
