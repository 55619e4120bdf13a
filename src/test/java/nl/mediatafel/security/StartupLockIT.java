package nl.mediatafel.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.mediatafel.platform.EmbeddedPostgres17;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The start-up lock on a real PostgreSQL 17, seen from another connection as another node sees it: held while the
 * set-up runs, released by its commit. (TwoNodeClusterIT starts two nodes together, but whether their set-ups overlap
 * depends on timing; this does not.)
 */
class StartupLockIT {

  @Test
  void anotherNodeCannotTakeTheLockUntilTheSetUpHasCommitted() throws Exception {
    Map<String, Object> database = EmbeddedPostgres17.newDatabase("startup_lock");
    DriverManagerDataSource dataSource = new DriverManagerDataSource((String) database.get("SPRING_DATASOURCE_URL"),
        "postgres", "postgres");
    StartupLock lock = new StartupLock(dataSource, new DataSourceTransactionManager(dataSource));
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);

    CompletableFuture<Void> setUp = CompletableFuture.runAsync(() -> lock.run(() -> {
      inside.countDown();
      try {
        assertThat(finish.await(30, TimeUnit.SECONDS)).isTrue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }));
    assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
    try (Connection otherNode = dataSource.getConnection()) {
      assertThat(tryLock(otherNode)).as("while the set-up runs").isFalse();
      finish.countDown();
      setUp.get(30, TimeUnit.SECONDS);
      otherNode.setAutoCommit(false);
      assertThat(tryLock(otherNode)).as("after its commit").isTrue();
      otherNode.rollback();
    }
  }

  private static boolean tryLock(Connection connection) throws Exception {
    try (ResultSet result = connection.createStatement()
        .executeQuery("select pg_try_advisory_xact_lock(" + StartupLock.KEY + ")")) {
      result.next();
      return result.getBoolean(1);
    }
  }
}
