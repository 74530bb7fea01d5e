package dev.autowebhook.admin.payload;

import dev.autowebhook.payload.boundary.PayloadTemplates;
import dev.autowebhook.platform.InvalidInputException;
import dev.autowebhook.platform.OutboxException;
import java.io.Serializable;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The live preview of the template editor: which real record to render, and what the unsaved body
 * gave for it through {@link PayloadTemplates#preview}, the same call as the REST preview. A
 * template error shows its line with a caret under the column the renderer reported.
 */
public class TemplatePreview implements Serializable {

  private static final long serialVersionUID = 1L;
  static final int RECENT_RECORDS = 50;
  private static final Pattern POSITION = Pattern.compile("line (\\d+), column (\\d+)");

  private String model;
  private Long recordId;
  private String event = "update";
  private List<Long> recordIds = List.of();
  private String output;
  private boolean validJson;
  private String jsonError;
  private String error;
  private String errorExcerpt;

  /** Previews records of {@code model} from now on, starting with its newest record. */
  void pick(PayloadTemplates templates, String model) {
    this.model = model;
    recordIds = model == null ? List.of() : templates.recentRecordIds(model, RECENT_RECORDS);
    recordId = recordIds.isEmpty() ? null : recordIds.get(0);
  }

  void render(PayloadTemplates templates, String body) {
    output = null;
    validJson = false;
    jsonError = null;
    error = null;
    errorExcerpt = null;
    if (body == null || body.isBlank()) {
      return;
    }
    try {
      PayloadTemplates.Preview p = templates.preview(null, body, model, recordId, event,
          "Preview");
      validJson = p.validJson();
      jsonError = p.jsonError();
      output = validJson ? JsonText.pretty(p.output()) : p.output();
    } catch (InvalidInputException e) {
      error = e.violations().isEmpty() ? e.getMessage() : e.violations().stream()
          .map(TemplatePreview::describe).collect(Collectors.joining("; "));
      errorExcerpt = excerpt(body, error);
    } catch (OutboxException e) {
      error = e.getMessage();
    }
  }

  private static String describe(InvalidInputException.Violation v) {
    if (!"body".equals(v.field())) {
      return v.field() == null ? v.message() : v.field() + " " + v.message();
    }
    return v.message().startsWith("line ") ? "Template error at " + v.message()
        : "Template error: the body " + v.message();
  }

  /** The reported line of {@code body} and a caret under the reported column, or null. */
  static String excerpt(String body, String message) {
    Matcher m = POSITION.matcher(message);
    if (!m.find()) {
      return null;
    }
    int line = Integer.parseInt(m.group(1));
    int column = Integer.parseInt(m.group(2));
    String[] lines = body.split("\n", -1);
    if (line < 1 || line > lines.length) {
      return null;
    }
    String text = lines[line - 1];
    String prefix = line + " | ";
    return prefix + text + "\n" + " ".repeat(prefix.length() + Math.max(0, column - 1)) + "^";
  }

  public String getModel() {
    return model;
  }

  public void setModel(String model) {
    this.model = model;
  }

  public Long getRecordId() {
    return recordId;
  }

  public void setRecordId(Long recordId) {
    this.recordId = recordId;
  }

  public String getEvent() {
    return event;
  }

  public void setEvent(String event) {
    this.event = event;
  }

  public List<Long> getRecordIds() {
    return recordIds;
  }

  public String getOutput() {
    return output;
  }

  public boolean isValidJson() {
    return validJson;
  }

  public String getJsonError() {
    return jsonError;
  }

  public String getError() {
    return error;
  }

  public String getErrorExcerpt() {
    return errorExcerpt;
  }
}
