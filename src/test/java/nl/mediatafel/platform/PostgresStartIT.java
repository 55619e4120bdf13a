package nl.mediatafel.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.mediatafel.process.ModelDeployment;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The production profile on a real PostgreSQL 17: Liquibase creates Camunda's schema, the engine starts on it, and a
 * second start on the same database changes nothing (no new deployment, no new changeset, no duplicate identities).
 *
 * <p>Runs in a JVM of its own (Failsafe): Camunda keeps JVM-wide registries of engines and of the REST API's engine
 * provider, so starting and closing whole applications here would pull the engine from under the shared test
 * context of the other tests.
 */
class PostgresStartIT {

  @Test
  void startsOnPostgresAndASecondStartIsANoOp() {
    Map<String, Object> properties = EmbeddedPostgres17.productionProperties("restart_check");
    properties.put("MEDIATAFEL_DEMO", "true");

    Snapshot first;
    try (ConfigurableApplicationContext app = start(properties)) {
      first = Snapshot.of(app);
      assertThat(first.databaseProduct()).isEqualTo("PostgreSQL");
      assertThat(first.changesets()).contains("7.16.0-baseline", "7.23-to-7.24");
      assertThat(first.deployments()).isEqualTo(1);
      assertThat(first.users()).isEqualTo(5);
    }
    try (ConfigurableApplicationContext app = start(properties)) {
      Snapshot second = Snapshot.of(app);
      assertThat(second).isEqualTo(first);
    }
  }

  @Test
  void withoutTheDemoSwitchThePostgresProfileCreatesNoAccounts() {
    try (ConfigurableApplicationContext app = start(EmbeddedPostgres17.productionProperties("no_demo"))) {
      Snapshot snapshot = Snapshot.of(app);
      assertThat(snapshot.users()).isZero();
      assertThat(snapshot.groups()).isEqualTo(4);
    }
  }

  private static ConfigurableApplicationContext start(Map<String, Object> properties) {
    return EmbeddedPostgres17.startOn(properties);
  }

  record Snapshot(String databaseProduct, List<String> changesets, long deployments, long definitions, long users,
      long groups, long authorizations, long filters) {

    static Snapshot of(ConfigurableApplicationContext app) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
      return new Snapshot(
          product,
          jdbc.queryForList("select id from databasechangelog order by orderexecuted", String.class),
          engine.getRepositoryService().createDeploymentQuery().deploymentName(ModelDeployment.DEPLOYMENT_NAME).count(),
          engine.getRepositoryService().createProcessDefinitionQuery().count()
              + engine.getRepositoryService().createDecisionDefinitionQuery().count(),
          engine.getIdentityService().createUserQuery().count(),
          engine.getIdentityService().createGroupQuery().count(),
          engine.getAuthorizationService().createAuthorizationQuery().count(),
          engine.getFilterService().createFilterQuery().count());
    }
  }
}
