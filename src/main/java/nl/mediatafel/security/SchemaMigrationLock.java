package nl.mediatafel.security;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Keeps nodes that start together on an empty PostgreSQL database from running Liquibase at the same time. Liquibase's
 * own lock ({@code DATABASECHANGELOGLOCK}) is taken only after the changelog is parsed, and parsing the includes
 * already creates {@code DATABASECHANGELOG}: the second node then dies on "relation databasechangelog already exists"
 * (liquibase/liquibase#2083, #2315; seen in TwoNodeClusterIT). So the migration (Liquibase's {@code afterPropertiesSet})
 * runs under a session-level advisory lock on a connection of its own, taken just before and released just after;
 * the node that waited then finds every changeset run. A node that dies while migrating loses its connection and with
 * it the lock. On H2 (one process per database) nothing is locked.
 *
 * <p>It lives with the {@link StartupLock} for now; it belongs with the schema ordering in {@code process}.
 */
@Component
class SchemaMigrationLock implements BeanPostProcessor, DisposableBean {

  /** Another key than the {@link StartupLock}'s: "MEDTASCH". */
  static final long KEY = 0x4d454454_41534348L;

  private Connection held;

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof SpringLiquibase liquibase && liquibase.getDataSource() != null) {
      lock(liquibase.getDataSource());
    }
    return bean;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof SpringLiquibase) {
      release();
    }
    return bean;
  }

  /** Releases the lock if the migration failed and the context is closing. */
  @Override
  public void destroy() {
    release();
  }

  private synchronized void lock(DataSource dataSource) {
    try {
      Connection connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      connection.setAutoCommit(true);
      try (Statement statement = connection.createStatement()) {
        statement.execute("select pg_advisory_lock(" + KEY + ")");
      }
      held = connection;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot take the schema migration lock", e);
    }
  }

  private synchronized void release() {
    if (held == null) {
      return;
    }
    try (Connection connection = held; Statement statement = connection.createStatement()) {
      statement.execute("select pg_advisory_unlock(" + KEY + ")");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot release the schema migration lock", e);
    } finally {
      held = null;
    }
  }
}
