package dev.autowebhook.admin;

import dev.autowebhook.api.Roles;
import dev.autowebhook.platform.InvalidInputException;
import dev.autowebhook.platform.OutboxException;
import dev.autowebhook.platform.Validation;
import jakarta.validation.ConstraintViolationException;
import jakarta.annotation.Priority;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.util.logging.Logger;

/**
 * Runs {@link AdminAction} methods: a caller without {@code webhook-admin} is refused with a
 * message (the pages hide edit controls from viewers, this makes a forged postback fail too);
 * an {@link OutboxException} from a boundary (possibly wrapped by the EJB container) becomes
 * messages next to the named fields, the transaction having rolled back. The action then returns
 * null: the page stays, with what the user typed. Serializable, as view-scoped beans need.
 */
@AdminAction
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AdminActions implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final Logger LOG = Logger.getLogger(AdminActions.class.getName());

  @Inject SecurityContext security;

  @AroundInvoke
  public Object guard(InvocationContext ic) throws Exception {
    if (!security.isCallerInRole(Roles.ADMIN)) {
      String who = security.getCallerPrincipal() == null ? "anonymous"
          : security.getCallerPrincipal().getName();
      LOG.warning(() -> "refused " + ic.getMethod().getDeclaringClass().getSimpleName() + "."
          + ic.getMethod().getName() + " to " + who + " (not " + Roles.ADMIN + ")");
      Notices.refused("Only a " + Roles.ADMIN + " may do this; you are logged in read-only.");
      return null;
    }
    try {
      return ic.proceed();
    } catch (OutboxException e) {
      Notices.failed(e);
      return null;
    } catch (EJBException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof OutboxException oe) {
          Notices.failed(oe);
          return null;
        }
        if (t instanceof ConstraintViolationException cv) {
          // a rule only the persistence layer checked: still the user's input, still a 4xx
          Notices.failed(InvalidInputException.of(cv.getConstraintViolations().stream()
              .map(v -> new InvalidInputException.Violation(
                  Validation.snake(v.getPropertyPath().toString()), v.getMessage()))
              .toList()));
          LOG.warning(() -> "constraint violations at commit: " + cv.getConstraintViolations());
          return null;
        }
      }
      throw e;
    }
  }
}
