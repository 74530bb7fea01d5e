package dev.autowebhook.security.boundary;

import dev.autowebhook.audit.boundary.AuditLog;
import dev.autowebhook.platform.EncryptedConverter;
import dev.autowebhook.platform.SchemaMigration;
import dev.autowebhook.platform.SecretBox;
import dev.autowebhook.subscription.entity.Subscriber;
import jakarta.annotation.Resource;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Table;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Master key rotation (the {@code master-key-rotation} job): every value stored through {@link
 * EncryptedConverter} that is not under the current master key — under {@code
 * AUTOWEBHOOK_MASTER_KEY_PREVIOUS}, of the first {@code v1:} format, or never encrypted — is
 * decrypted with the key ring and written again under the current key. The encrypted columns are
 * read from the entity's annotations, so a new one is never forgotten. Works on chunks of row ids;
 * each chunk re-reads its rows under a lock in a transaction of its own, so a repeated chunk or
 * two nodes at once change nothing twice. The row's JPA version is left alone: the plain values do
 * not change, so an admin's concurrent edit must not fail.
 */
@Stateless
public class MasterKeyRotation {

  /**
   * A stored value that no key of the ring decrypts: the chunk is rolled back and the job fails;
   * the message names the row and column (never a value) and becomes the job's exit status.
   */
  @ApplicationException(rollback = true)
  public static class UnreadableSecretException extends RuntimeException {

    UnreadableSecretException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The table whose rows hold secrets, and its encrypted columns. */
  static final String TABLE = Subscriber.class.getAnnotation(Table.class).name();

  static final List<String> COLUMNS = encryptedColumns(Subscriber.class);

  @Resource(lookup = SchemaMigration.DATASOURCE)
  DataSource dataSource;

  @Inject AuditLog audit;

  /** The column names of the fields of {@code entity} stored through {@link EncryptedConverter}. */
  static List<String> encryptedColumns(Class<?> entity) {
    List<String> columns = new ArrayList<>();
    for (Class<?> c = entity; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        Convert convert = f.getAnnotation(Convert.class);
        if (convert != null && convert.converter() == EncryptedConverter.class) {
          Column column = f.getAnnotation(Column.class);
          columns.add(column != null && !column.name().isEmpty() ? column.name() : f.getName());
        }
      }
    }
    return List.copyOf(columns);
  }

  /** The id of the key that values are re-encrypted under. */
  public String currentKeyId() {
    return SecretBox.currentKeyId();
  }

  /** Ids (ascending, after {@code afterId}) of rows holding a value not under the current key. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public List<Long> stale(long afterId, int limit) {
    String notCurrent = COLUMNS.stream().map(c -> "(" + c + " IS NOT NULL AND " + c
        + " NOT LIKE ?)").collect(Collectors.joining(" OR "));
    String pattern = SecretBox.currentPrefix() + "%";
    List<Long> ids = new ArrayList<>();
    try (Connection con = dataSource.getConnection();
        PreparedStatement ps = con.prepareStatement("SELECT id FROM " + TABLE
            + " WHERE id > ? AND (" + notCurrent + ") ORDER BY id LIMIT ?")) {
      int i = 1;
      ps.setLong(i++, afterId);
      for (int c = 0; c < COLUMNS.size(); c++) {
        ps.setString(i++, pattern);
      }
      ps.setInt(i, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
      return ids;
    } catch (SQLException e) {
      throw new IllegalStateException("Reading rows to re-encrypt failed: " + e.getMessage(), e);
    }
  }

  /**
   * Re-encrypts, under the current key, the values of these rows that are not under it yet (read
   * again under a row lock), in a transaction of its own: a job's chunk transaction already holds
   * the batch runtime's job repository, another non-XA resource. Answers how many values were
   * re-encrypted. A value no key of the ring opens fails the whole chunk (nothing of it changes)
   * with an {@link UnreadableSecretException}.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int reencrypt(List<Long> ids) {
    if (ids.isEmpty()) {
      return 0;
    }
    String in = ids.stream().map(x -> "?").collect(Collectors.joining(","));
    int changed = 0;
    try (Connection con = dataSource.getConnection()) {
      Map<Long, Map<String, String>> updates = new LinkedHashMap<>();
      try (PreparedStatement ps = con.prepareStatement("SELECT id, " + String.join(", ", COLUMNS)
          + " FROM " + TABLE + " WHERE id IN (" + in + ") ORDER BY id FOR UPDATE")) {
        for (int i = 0; i < ids.size(); i++) {
          ps.setLong(i + 1, ids.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            long id = rs.getLong(1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < COLUMNS.size(); c++) {
              String stored = rs.getString(c + 2);
              if (!SecretBox.isCurrent(stored)) {
                try {
                  row.put(COLUMNS.get(c), SecretBox.reencrypt(stored));
                } catch (IllegalStateException e) {
                  throw new UnreadableSecretException(TABLE + " id " + id + ", column "
                      + COLUMNS.get(c) + ": " + e.getMessage(), e);
                }
              }
            }
            if (!row.isEmpty()) {
              updates.put(id, row);
            }
          }
        }
      }
      for (Map.Entry<Long, Map<String, String>> u : updates.entrySet()) {
        List<String> columns = new ArrayList<>(u.getValue().keySet());
        try (PreparedStatement ps = con.prepareStatement("UPDATE " + TABLE + " SET "
            + columns.stream().map(c -> c + " = ?").collect(Collectors.joining(", "))
            + " WHERE id = ?")) {
          for (int i = 0; i < columns.size(); i++) {
            ps.setString(i + 1, u.getValue().get(columns.get(i)));
          }
          ps.setLong(columns.size() + 1, u.getKey());
          ps.executeUpdate();
        }
        changed += columns.size();
      }
      return changed;
    } catch (SQLException e) {
      throw new IllegalStateException("Re-encrypting " + TABLE + " rows failed: "
          + e.getMessage(), e);
    }
  }

  /** Audits a finished rotation: how many values it re-encrypted, under which key id. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void finished(long executionId, long reencrypted) {
    audit.record("master-key.rotate", "job", executionId, "re-encrypted " + reencrypted
        + " secrets under master key id " + currentKeyId());
  }
}
