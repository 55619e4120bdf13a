package nl.mediatafel.security;

import java.sql.DatabaseMetaData;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the start-up set-up of staff groups, authorizations, filters and demo accounts in one transaction that holds a
 * cluster-wide lock, so nodes starting together on an empty database do it one after the other: the second sees what
 * the first committed and creates nothing twice.
 *
 * <p>On PostgreSQL the lock is a transaction-level advisory lock ({@code pg_advisory_xact_lock}): no table of its own,
 * taken by the same connection as the engine's inserts, released only by the commit or rollback that ends them, and
 * by the server when a node dies. The alternative, catching the unique violation and reading again, is not enough:
 * Camunda's filter table has no unique name, so two "Mijn taken" filters would be created without any error. An H2
 * database belongs to one process (its file is locked by the node that opened it), so there the lock only has to keep
 * engines started in one JVM apart.
 */
@Component
class StartupLock {

  /** The advisory lock's key: "MEDTAFEL" in ASCII, so it is recognisable in {@code pg_locks}. */
  static final long KEY = 0x4d454454_4146454cL;

  private static final ReentrantLock IN_THIS_JVM = new ReentrantLock();

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final boolean postgres;

  StartupLock(DataSource dataSource, PlatformTransactionManager transactionManager) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.transactions = new TransactionTemplate(transactionManager);
    this.postgres = isPostgres(dataSource);
  }

  /** Runs the work in one transaction under the lock; the engine's service calls in it join the transaction. */
  void run(Runnable work) {
    IN_THIS_JVM.lock();
    try {
      transactions.executeWithoutResult(status -> {
        if (postgres) {
          jdbc.queryForList("select pg_advisory_xact_lock(?)", KEY);
        }
        work.run();
      });
    } finally {
      IN_THIS_JVM.unlock();
    }
  }

  private static boolean isPostgres(DataSource dataSource) {
    try {
      String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
      return "PostgreSQL".equals(product);
    } catch (MetaDataAccessException e) {
      throw new IllegalStateException("Cannot tell which database this is", e);
    }
  }
}
