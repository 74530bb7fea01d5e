package dev.autowebhook.admin.audit;

import dev.autowebhook.audit.boundary.AuditLog;
import dev.autowebhook.audit.entity.AuditRecord;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The audit log page ({@code admin/audit.xhtml}): the same search as the REST API (actor, action,
 * target type, time range; newest first), paged lazily in the database. Times are entered and
 * shown in UTC, like the API's.
 */
@Named
@ViewScoped
public class AuditBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String TABLE = "audit:table";

  @Inject AuditLog audit;

  private String actor;
  private String action;
  private String targetType;
  private LocalDateTime since;
  private LocalDateTime until;
  private final LazyDataModel<AuditRecord> lines = new Lines();

  /** The search changed: the table (which reads the filters on its next load) goes to page 1. */
  public void search() {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (faces.getViewRoot().findComponent(TABLE) instanceof DataTable table) {
      table.setFirst(0);
    }
  }

  public List<String> getActions() {
    return audit.actions();
  }

  public List<String> getTargetTypes() {
    return audit.targetTypes();
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static OffsetDateTime utc(LocalDateTime t) {
    return t == null ? null : t.atOffset(ZoneOffset.UTC);
  }

  /** One page of the search, newest first. */
  private final class Lines extends LazyDataModel<AuditRecord> {

    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filters) {
      return (int) Math.min(Integer.MAX_VALUE, audit.count(blank(actor), blank(action),
          blank(targetType), utc(since), utc(until)));
    }

    @Override
    public List<AuditRecord> load(int first, int pageSize, Map<String, SortMeta> sort,
        Map<String, FilterMeta> filters) {
      return audit.search(blank(actor), blank(action), blank(targetType), utc(since),
          utc(until), first, pageSize);
    }

    @Override
    public String getRowKey(AuditRecord r) {
      return String.valueOf(r.getId());
    }
  }

  public LazyDataModel<AuditRecord> getLines() {
    return lines;
  }

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public String getTargetType() {
    return targetType;
  }

  public void setTargetType(String targetType) {
    this.targetType = targetType;
  }

  public LocalDateTime getSince() {
    return since;
  }

  public void setSince(LocalDateTime since) {
    this.since = since;
  }

  public LocalDateTime getUntil() {
    return until;
  }

  public void setUntil(LocalDateTime until) {
    this.until = until;
  }
}
