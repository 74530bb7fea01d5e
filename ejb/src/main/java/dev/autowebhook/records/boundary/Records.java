package dev.autowebhook.records.boundary;

import dev.autowebhook.capture.boundary.ChangeCaptured;
import dev.autowebhook.capture.control.ChangeListener;
import dev.autowebhook.platform.ConflictException;
import dev.autowebhook.platform.DatabaseOutage;
import dev.autowebhook.platform.InvalidInputException;
import dev.autowebhook.platform.InvalidInputException.Violation;
import dev.autowebhook.platform.NotFoundException;
import dev.autowebhook.platform.Validation;
import dev.autowebhook.records.control.RecordMapper;
import dev.autowebhook.records.control.RecordShape;
import dev.autowebhook.records.entity.BusinessRecord;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Generic CRUD of the tracked business records (the demo domain and its REST API). Every write
 * runs through {@link ChangeCaptured}, so each change lands in the outbox in the same transaction;
 * a bad field, a missing reference or a constraint clash rolls everything back.
 */
@Stateless
public class Records {

  /** One page of records and the total count. */
  public record Page(List<Map<String, Object>> items, long total, int offset, int limit) {}

  @PersistenceContext(unitName = "autowebhook")
  EntityManager em;

  @Inject Validator validator;

  public Page list(Class<? extends BusinessRecord> type, int offset, int limit) {
    if (offset < 0) {
      throw new InvalidInputException("offset", "must be 0 or more");
    }
    if (limit < 1 || limit > 500) {
      throw new InvalidInputException("limit", "must be between 1 and 500");
    }
    String entity = em.getMetamodel().entity(type).getName();
    long total = em.createQuery("SELECT COUNT(r) FROM " + entity + " r", Long.class)
        .getSingleResult();
    List<? extends BusinessRecord> rows = em.createQuery(
            "SELECT r FROM " + entity + " r ORDER BY r.id", type)
        .setFirstResult(offset).setMaxResults(limit).getResultList();
    return new Page(rows.stream().map(RecordMapper::snapshot).toList(), total, offset, limit);
  }

  public Map<String, Object> get(Class<? extends BusinessRecord> type, long id) {
    BusinessRecord r = find(type, id);
    loadLines(r);
    return RecordMapper.snapshot(r);
  }

  @ChangeCaptured
  public Map<String, Object> create(Class<? extends BusinessRecord> type, JsonObject in) {
    BusinessRecord r = instantiate(type);
    fill(r, in, "");
    em.persist(r);
    flush();
    return RecordMapper.snapshot(r);
  }

  /**
   * Applies many writes in one transaction, in order: items without {@code id} are created, items
   * with one update that record. All or none; changes to one record are coalesced into one event.
   */
  @ChangeCaptured
  public List<Map<String, Object>> applyAll(Class<? extends BusinessRecord> type,
      JsonArray items) {
    if (items.isEmpty() || items.size() > 1000) {
      throw new InvalidInputException("items", "must hold between 1 and 1000 records");
    }
    List<BusinessRecord> touched = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonValue v = items.get(i);
      if (!(v instanceof JsonObject obj)) {
        throw new InvalidInputException("[" + i + "]", "must be an object");
      }
      BusinessRecord r;
      JsonValue id = obj.get("id");
      if (id == null || id.getValueType() == JsonValue.ValueType.NULL) {
        r = instantiate(type);
        fill(r, obj, "[" + i + "].");
        em.persist(r);
      } else if (id instanceof jakarta.json.JsonNumber n && n.isIntegral()) {
        r = find(type, n.longValue());
        if (loadLines(r) && obj.containsKey("lines")) {
          em.lock(r, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        }
        fill(r, obj, "[" + i + "].");
      } else {
        throw new InvalidInputException("[" + i + "].id", "must be an integer");
      }
      flush(); // like a real import run: each item reaches the database before the next
      touched.add(r);
    }
    return touched.stream().map(RecordMapper::snapshot).toList();
  }

  @ChangeCaptured
  public Map<String, Object> update(Class<? extends BusinessRecord> type, long id, JsonObject in) {
    BusinessRecord r = find(type, id);
    if (loadLines(r)) {
      // the baseline now includes the lines, so line edits show up as changes
      ChangeListener.baseline(r);
      if (in.containsKey("lines")) {
        em.lock(r, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
      }
    }
    fill(r, in, "");
    flush();
    return RecordMapper.snapshot(r);
  }

  @ChangeCaptured
  public void delete(Class<? extends BusinessRecord> type, long id) {
    BusinessRecord r = find(type, id);
    loadLines(r);
    ChangeListener.baseline(r);
    em.remove(r);
    try {
      em.flush();
    } catch (PersistenceException e) {
      if (DatabaseOutage.isCause(e)) {
        throw e;
      }
      throw new ConflictException(RecordShape.snake(type.getSimpleName()) + " " + id
          + " is still referenced by other records and cannot be deleted");
    }
  }

  /**
   * What a rule over a model's events is checked against (a payload template, a filter rule):
   * the model's {@link #newest} record, so that field types and values are real, or while it has
   * none, {@link #sample} data.
   */
  public Map<String, Object> newestOrSample(Class<?> type) {
    return newest(type).orElseGet(() -> sample(type));
  }

  /**
   * The record of this class with the highest id as the API shows it, with its lines; empty when
   * there is none or the class is no business record. Never flushes, so it may be called while an
   * edited entity is still unchecked.
   */
  public Optional<Map<String, Object>> newest(Class<?> type) {
    if (!BusinessRecord.class.isAssignableFrom(type)) {
      return Optional.empty();
    }
    Class<? extends BusinessRecord> recordType = type.asSubclass(BusinessRecord.class);
    return em.createQuery("SELECT r.id FROM " + em.getMetamodel().entity(recordType).getName()
            + " r ORDER BY r.id DESC", Long.class)
        .setFlushMode(FlushModeType.COMMIT).setMaxResults(1).getResultStream().findFirst()
        .map(id -> get(recordType, id));
  }

  /**
   * Sample data with every field of a record class: the value {@link #sampleOrder} has for a
   * field of that name, else one of the field's kind (true for a boolean, no lines, 1 otherwise).
   */
  public static Map<String, Object> sample(Class<?> type) {
    Map<String, Object> order = sampleOrder();
    Map<String, Object> data = new LinkedHashMap<>();
    for (RecordShape.Attribute a : RecordShape.of(type).attributes()) {
      Class<?> t = a.field().getType();
      data.put(a.name(), order.containsKey(a.name()) ? order.get(a.name())
          : t == boolean.class || t == Boolean.class ? Boolean.TRUE
          : a.kind() == RecordShape.Kind.LINES ? List.of() : 1);
    }
    return data;
  }

  /** A realistic sales order snapshot (with lines), as {@code data} of sample events. */
  public static Map<String, Object> sampleOrder() {
    Map<String, Object> line1 = sampleLine(101L, 11L, "Widget, 12\" blue", "2", "500.00",
        "1000.00");
    Map<String, Object> line2 = sampleLine(102L, 12L, "Installation", "1", "250.00", "250.00");
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("id", 42L);
    order.put("version", 3L);
    order.put("created_at", "2025-03-14T09:20:11.250Z");
    order.put("updated_at", "2025-03-14T09:26:53Z");
    order.put("name", "S00042");
    order.put("partner_id", 7L);
    order.put("state", "sale");
    order.put("date_order", "2025-03-14T09:20:00Z");
    order.put("validity_date", "2025-04-13");
    order.put("currency", "EUR");
    order.put("client_order_ref", "PO-8812");
    order.put("origin", "Lead #318");
    order.put("salesperson_id", 3L);
    order.put("note", "Call \"Ana\" before delivery\\gate 2\nThank you!");
    order.put("amount_untaxed", new BigDecimal("1250.00"));
    order.put("amount_tax", new BigDecimal("250.00"));
    order.put("amount_total", new BigDecimal("1500.00"));
    order.put("lines", List.of(line1, line2));
    return order;
  }

  private static Map<String, Object> sampleLine(long id, long productId, String description,
      String quantity, String priceUnit, String subtotal) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("id", id);
    line.put("product_id", productId);
    line.put("description", description);
    line.put("quantity", new BigDecimal(quantity));
    line.put("price_unit", new BigDecimal(priceUnit));
    line.put("tax_rate", new BigDecimal("20"));
    line.put("discount", new BigDecimal("0.00"));
    line.put("price_subtotal", new BigDecimal(subtotal));
    return line;
  }

  private BusinessRecord find(Class<? extends BusinessRecord> type, long id) {
    BusinessRecord r = em.find(type, id);
    if (r == null) {
      throw new NotFoundException(RecordShape.snake(type.getSimpleName()), id);
    }
    return r;
  }

  /** Loads the record's lines, if it has any; true when it has a lines collection. */
  private static boolean loadLines(BusinessRecord r) {
    boolean has = false;
    for (RecordShape.Attribute a : RecordShape.of(r.getClass()).attributes()) {
      if (a.kind() == RecordShape.Kind.LINES) {
        Object lines = a.read(r);
        if (lines instanceof java.util.Collection<?> c) {
          c.size();
        }
        has = true;
      }
    }
    return has;
  }

  private void fill(BusinessRecord r, JsonObject in, String prefix) {
    List<Violation> violations = new ArrayList<>(RecordMapper.apply(in, r, em::find));
    if (!prefix.isEmpty()) {
      violations.replaceAll(v -> new Violation(prefix + v.field(), v.message()));
    }
    r.recompute();
    try {
      Validation.check(validator, r, violations);
    } catch (InvalidInputException e) {
      if (prefix.isEmpty()) {
        throw e;
      }
      throw InvalidInputException.of(e.violations().stream()
          .map(v -> v.field() != null && v.field().startsWith(prefix) ? v
              : new Violation(prefix + v.field(), v.message())).toList());
    }
  }

  private void flush() {
    try {
      em.flush();
    } catch (PersistenceException e) {
      if (DatabaseOutage.isCause(e)) {
        throw e; // not a clash: the caller gets 503 and tries again
      }
      throw new ConflictException("The record clashes with existing data (a unique value is"
          + " already taken or a reference is invalid): " + rootMessage(e));
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = String.valueOf(t.getMessage());
    int nl = m.indexOf('\n');
    return nl > 0 ? m.substring(0, nl) : m;
  }

  private static BusinessRecord instantiate(Class<? extends BusinessRecord> type) {
    try {
      return type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
