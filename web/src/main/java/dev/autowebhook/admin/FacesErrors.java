package dev.autowebhook.admin;

import dev.autowebhook.api.problem.Incident;
import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.util.Iterator;

/**
 * A failed JSF ajax request: the default handler would send the exception's class and message
 * to the browser (and leave the user on a page that no longer reacts), so the exception is logged
 * under a correlation id and the browser is sent to the {@link ErrorPage} with that id (or to the
 * login form for an expired view). Failures of full page requests go to the error page through
 * web.xml as they are.
 */
public class FacesErrors extends ExceptionHandlerFactory {

  public FacesErrors(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new Handler(getWrapped().getExceptionHandler());
  }

  static final class Handler extends ExceptionHandlerWrapper {

    Handler(ExceptionHandler wrapped) {
      super(wrapped);
    }

    @Override
    public void handle() {
      FacesContext faces = FacesContext.getCurrentInstance();
      Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
      if (faces != null && faces.getPartialViewContext().isAjaxRequest() && events.hasNext()) {
        Throwable error = events.next().getContext().getException();
        ExternalContext ext = faces.getExternalContext();
        String target;
        if (unwrap(error) instanceof ViewExpiredException) {
          target = ext.getRequestContextPath() + "/login.xhtml";
        } else {
          Incident i = Incident.of(error, "ajax request on "
              + (faces.getViewRoot() == null ? "a page" : faces.getViewRoot().getViewId()));
          target = ext.getRequestContextPath() + ErrorPage.PATH + "?status=" + i.status()
              + "&id=" + i.id();
        }
        events.remove();
        while (events.hasNext()) {
          events.next();
          events.remove();
        }
        if (!ext.isResponseCommitted()) {
          // written by hand: the partial response writer may be half-way through its document
          try {
            ext.responseReset();
            ext.setResponseContentType("text/xml");
            ext.setResponseCharacterEncoding("UTF-8");
            ext.getResponseOutputWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<partial-response><redirect url=\"" + target.replace("&", "&amp;")
                + "\"/></partial-response>");
          } catch (IOException | RuntimeException e) {
            // the browser went away: nothing to tell it
          }
        }
        faces.responseComplete();
        return;
      }
      getWrapped().handle();
    }

    private static Throwable unwrap(Throwable t) {
      while (t instanceof FacesException && t.getCause() != null) {
        t = t.getCause();
      }
      return t;
    }
  }
}
