package dev.autowebhook.api.problem;

import dev.autowebhook.platform.ConflictException;
import dev.autowebhook.platform.InvalidInputException;
import dev.autowebhook.platform.NotFoundException;
import dev.autowebhook.platform.OutboxException;
import dev.autowebhook.platform.PayloadTooLargeException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Maps each business exception to its status and a problem document. */
@Provider
public class BusinessExceptionMapper implements ExceptionMapper<OutboxException> {

  @Override
  public Response toResponse(OutboxException e) {
    return map(e);
  }

  static Response map(OutboxException e) {
    if (e instanceof InvalidInputException i) {
      return Problem.response(400, "Invalid input", e.getMessage(), i.violations());
    }
    if (e instanceof NotFoundException) {
      return Problem.response(404, "Not found", e.getMessage());
    }
    if (e instanceof ConflictException) {
      return Problem.response(409, "Conflict", e.getMessage());
    }
    if (e instanceof PayloadTooLargeException) {
      return Problem.response(413, "Payload too large", e.getMessage());
    }
    return Problem.response(422, "Refused", e.getMessage());
  }

  /** EJB containers may wrap application exceptions; unwrap them. */
  @Provider
  public static class EjbExceptionMapper implements ExceptionMapper<EJBException> {
    @Context UriInfo uri;
    @Context Request request;

    @Override
    public Response toResponse(EJBException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof OutboxException oe) {
          return map(oe);
        }
      }
      return FallbackExceptionMapper.internal(e, FallbackExceptionMapper.where(request, uri));
    }
  }
}
