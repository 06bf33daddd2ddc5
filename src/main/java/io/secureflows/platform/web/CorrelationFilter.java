package io.secureflows.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Gives every request its {@link Correlation} id and returns it in {@code X-Correlation-Id}. */
public class CorrelationFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Inject transient Correlation correlation;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    correlation.adopt(request.getHeader(Correlation.HEADER));
    response.setHeader(Correlation.HEADER, correlation.id());
    chain.doFilter(request, response);
  }
}
