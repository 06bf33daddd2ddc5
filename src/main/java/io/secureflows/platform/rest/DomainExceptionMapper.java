package io.secureflows.platform.rest;

import io.secureflows.platform.error.ConflictException;
import io.secureflows.platform.error.ForbiddenException;
import io.secureflows.platform.error.InvalidInputException;
import io.secureflows.platform.error.NotFoundException;
import io.secureflows.platform.error.ReauthenticationRequiredException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Maps the exceptions of {@code platform.error}, which services throw by rule, to their problems.
 */
public final class DomainExceptionMapper {
  private DomainExceptionMapper() {}

  @Provider
  public static class InvalidInput implements ExceptionMapper<InvalidInputException> {
    @Override
    public Response toResponse(InvalidInputException e) {
      return new Problem("invalid-input", "Invalid input", 400, e.getMessage(), e.errors())
          .toResponse();
    }
  }

  @Provider
  public static class Conflict implements ExceptionMapper<ConflictException> {
    @Override
    public Response toResponse(ConflictException e) {
      return Problem.of("conflict", "Conflict", 409, e.getMessage()).toResponse();
    }
  }

  @Provider
  public static class NotFound implements ExceptionMapper<NotFoundException> {
    @Override
    public Response toResponse(NotFoundException e) {
      return Problem.of("not-found", "Not found", 404, e.getMessage()).toResponse();
    }
  }

  @Provider
  public static class Reauthenticate implements ExceptionMapper<ReauthenticationRequiredException> {
    @Override
    public Response toResponse(ReauthenticationRequiredException e) {
      return reauthenticate(e.getMessage());
    }
  }

  /**
   * 410 with the reauthenticate problem type and no-store: the client signs in again, nothing was
   * lost.
   */
  public static Response reauthenticate(String detail) {
    return Problem.of("reauthenticate", "Sign in again", 410, detail).toResponse();
  }

  @Provider
  public static class Forbidden implements ExceptionMapper<ForbiddenException> {
    @Override
    public Response toResponse(ForbiddenException e) {
      return Problem.of("forbidden", "Forbidden", 403, e.getMessage()).toResponse();
    }
  }
}
