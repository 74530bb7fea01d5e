package dev.autowebhook.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the database schema to the current version with Flyway before anything else touches it,
 * on H2 and PostgreSQL alike (migrations in {@code db/migration}). JPA never generates DDL.
 */
@DataSourceDefinition(
    name = SchemaMigration.DATASOURCE,
    className = "dev.autowebhook.platform.ConfiguredDataSource",
    // WildFly refuses a data source class without a connection property it can set on it: the
    // login timeout is one (URL and credentials come from ConfiguredDataSource itself)
    loginTimeout = SchemaMigration.LOGIN_TIMEOUT_SECONDS,
    minPoolSize = 2,
    maxPoolSize = 40,
    properties = {"fish.payara.is-connection-validation-required=true",
        "fish.payara.connection-validation-method=custom-validation",
        "fish.payara.validation-classname=" + SchemaMigration.VALIDATION,
        "fish.payara.fail-all-connections=true"})
// Id blocks are fetched outside the business transaction (IdBlocks). From the transactional pool,
// that fetch could wait for a connection held by a thread that itself waited for the id block:
// under a burst of writes the pool deadlocked.
@DataSourceDefinition(
    name = SchemaMigration.NON_TX_DATASOURCE,
    className = "dev.autowebhook.platform.ConfiguredDataSource",
    transactional = false,
    loginTimeout = SchemaMigration.LOGIN_TIMEOUT_SECONDS,
    minPoolSize = 1,
    maxPoolSize = 8,
    properties = {"fish.payara.is-connection-validation-required=true",
        "fish.payara.connection-validation-method=custom-validation",
        "fish.payara.validation-classname=" + SchemaMigration.VALIDATION,
        "fish.payara.fail-all-connections=true"})
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {

  public static final String DATASOURCE = "java:app/jdbc/autowebhook";
  public static final String NON_TX_DATASOURCE = "java:app/jdbc/autowebhook-nontx";
  /**
   * How Payara checks a pooled connection before handing it out: {@code Connection.isValid}, a
   * round trip to the database. The "auto-commit" check answered from the driver's own state, so
   * after a database restart dead connections passed it and failed their next statement (the
   * non-transactional pool, used only for id blocks, handed one out minutes later); a failed
   * check now empties the pool (fail-all-connections).
   */
  static final String VALIDATION = "org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation";
  /** How long opening a database connection may take. */
  static final int LOGIN_TIMEOUT_SECONDS = 10;
  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = DATASOURCE)
  DataSource dataSource;

  @PostConstruct
  void migrate() {
    var result = Flyway.configure(SchemaMigration.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .table("aw_schema_history")
        .load()
        .migrate();
    LOG.info(() -> "Database schema at version " + result.targetSchemaVersion
        + " (" + result.migrationsExecuted + " migrations applied now)");
  }
}
