package dev.autowebhook.platform;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The application's one JDBC data source, pooled by the container through
 * {@code @DataSourceDefinition} on {@link SchemaMigration}. It reads its URL and credentials from
 * {@code AUTOWEBHOOK_DB_URL}/{@code _USER}/{@code _PASSWORD} (or the matching system properties)
 * so that the same WAR runs on the embedded H2 file database or on PostgreSQL without any server
 * configuration; the driver is chosen from the URL.
 */
public class ConfiguredDataSource implements DataSource {

  /** The embedded default: an H2 file database under ./data, in PostgreSQL compatibility mode. */
  public static final String DEFAULT_URL =
      "jdbc:h2:file:./data/autowebhook;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  private String url;
  private String user;
  private String password;
  private int loginTimeout;
  private volatile Driver driver;

  public String getUrl() {
    return url != null ? url : Settings.get("autowebhook.db.url", DEFAULT_URL);
  }

  public void setUrl(String url) {
    this.url = url == null || url.isBlank() || url.startsWith("${") ? null : url;
  }

  public void setURL(String url) {
    setUrl(url);
  }

  public String getUser() {
    return user != null ? user : Settings.get("autowebhook.db.user", isH2() ? "sa" : null);
  }

  public void setUser(String user) {
    this.user = user == null || user.isBlank() ? null : user;
  }

  public void setPassword(String password) {
    this.password = password == null || password.isEmpty() ? null : password;
  }

  private String password() {
    return password != null ? password : Settings.get("autowebhook.db.password", "");
  }

  private boolean isH2() {
    return getUrl().startsWith("jdbc:h2:");
  }

  private Driver driver() throws SQLException {
    Driver d = driver;
    if (d == null) {
      String name;
      String jdbcUrl = getUrl();
      if (jdbcUrl.startsWith("jdbc:postgresql:")) {
        name = "org.postgresql.Driver";
      } else if (jdbcUrl.startsWith("jdbc:h2:")) {
        name = "org.h2.Driver";
      } else {
        throw new SQLException(
            "Unsupported AUTOWEBHOOK_DB_URL (use jdbc:postgresql:… or jdbc:h2:…): " + jdbcUrl);
      }
      try {
        d = (Driver) Class.forName(name, true, ConfiguredDataSource.class.getClassLoader())
            .getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException e) {
        throw new SQLException("JDBC driver " + name + " is not available", e);
      }
      driver = d;
    }
    return d;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return getConnection(getUser(), password());
  }

  @Override
  public Connection getConnection(String username, String pw) throws SQLException {
    Properties props = new Properties();
    String u = username == null || username.isBlank() ? getUser() : username;
    if (u != null) {
      props.setProperty("user", u);
    }
    props.setProperty("password", pw == null || pw.isEmpty() ? password() : pw);
    if (getUrl().startsWith("jdbc:postgresql:")) {
      props.putIfAbsent("reWriteBatchedInserts", "true");
      props.putIfAbsent("ApplicationName", "autowebhook");
      if (loginTimeout > 0) {
        props.putIfAbsent("loginTimeout", Integer.toString(loginTimeout));
      }
    }
    Connection c = driver().connect(getUrl(), props);
    if (c == null) {
      throw new SQLException("No driver accepted the database URL");
    }
    return c;
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {
    loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("Not a wrapper for " + iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
