package dev.autowebhook.admin;

import dev.autowebhook.platform.InvalidInputException;
import dev.autowebhook.platform.OutboxException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIForm;
import jakarta.faces.component.visit.VisitContext;
import jakarta.faces.component.visit.VisitResult;
import jakarta.faces.context.FacesContext;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Page messages. A business error naming a field ({@code endpoint_url}) is shown next to the input
 * whose component id is that field name, so forms use the API's snake_case names as ids; an error
 * without a matching input goes to the page's global messages.
 */
public final class Notices {

  private Notices() {}

  /** A success line (an empty detail: JSF would repeat the summary as the detail). */
  public static void info(String summary) {
    add(null, FacesMessage.SEVERITY_INFO, summary, "");
  }

  public static void warn(String summary, String detail) {
    add(null, FacesMessage.SEVERITY_WARN, summary, detail);
  }

  public static void error(String summary, String detail) {
    add(null, FacesMessage.SEVERITY_ERROR, summary, detail);
    FacesContext.getCurrentInstance().validationFailed();
  }

  static void refused(String detail) {
    error("Not allowed", detail);
  }

  /** The boundary refused: messages per field where the page has that field. */
  public static void failed(OutboxException e) {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (e instanceof InvalidInputException invalid && !invalid.violations().isEmpty()) {
      for (InvalidInputException.Violation v : invalid.violations()) {
        String clientId = v.field() == null ? null : clientIdOf(faces, v.field());
        if (clientId != null) {
          add(clientId, FacesMessage.SEVERITY_ERROR, v.message(), v.message());
        } else {
          add(null, FacesMessage.SEVERITY_ERROR, "Invalid input",
              (v.field() == null ? "" : v.field() + ": ") + v.message());
        }
      }
    } else {
      add(null, FacesMessage.SEVERITY_ERROR, "Refused", e.getMessage());
    }
    faces.validationFailed();
  }

  private static void add(String clientId, FacesMessage.Severity severity, String summary,
      String detail) {
    FacesContext.getCurrentInstance().addMessage(clientId,
        new FacesMessage(severity, summary, detail));
  }

  /**
   * The client id of the component with this id (or, for {@code a.b}, with id a), looked up in the
   * submitted form first, so two forms on a page may both have a {@code name} field.
   */
  static String clientIdOf(FacesContext faces, String field) {
    if (faces.getViewRoot() == null) {
      return null;
    }
    String id = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
    AtomicReference<UIForm> submitted = new AtomicReference<>();
    faces.getViewRoot().visitTree(VisitContext.createVisitContext(faces), (ctx, c) -> {
      if (c instanceof UIForm f && f.isSubmitted()) {
        submitted.set(f);
        return VisitResult.COMPLETE;
      }
      return VisitResult.ACCEPT;
    });
    String inForm = submitted.get() == null ? null : find(faces, submitted.get(), id);
    return inForm != null ? inForm : find(faces, faces.getViewRoot(), id);
  }

  private static String find(FacesContext faces, UIComponent root, String id) {
    AtomicReference<String> found = new AtomicReference<>();
    root.visitTree(VisitContext.createVisitContext(faces), (ctx, c) -> {
      if (id.equals(c.getId())) {
        found.set(c.getClientId(faces));
        return VisitResult.COMPLETE;
      }
      return VisitResult.ACCEPT;
    });
    return found.get();
  }
}
