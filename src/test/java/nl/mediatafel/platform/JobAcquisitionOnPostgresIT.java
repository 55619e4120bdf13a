package nl.mediatafel.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Job acquisition on a real PostgreSQL 17 with the timers of many open cases (issue #18). Every acquisition the job
 * executor makes must read the due jobs through the index on {@code ACT_RU_JOB(DUEDATE_)} (changeset
 * 210-engine-indexes, {@code jobExecutorAcquireByDueDate} and {@code ensureJobDueDateNotNull}), not scan every timer:
 * the statement checked is the one the engine sent, taken from {@code pg_stat_statements}, planned by PostgreSQL with
 * {@code EXPLAIN (GENERIC_PLAN)} as it plans a prepared statement; the same plan without the index is a sequential
 * scan, so the check tells the two apart.
 */
class JobAcquisitionOnPostgresIT {

  private static final int FUTURE_TIMERS = 20_000;

  @Test
  void theJobExecutorReadsDueJobsThroughTheDueDateIndexAndStillRunsThem() throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
        .setServerConfig("shared_preload_libraries", "pg_stat_statements")
        .setServerConfig("pg_stat_statements.track", "all")
        .start()) {
      Map<String, Object> properties = EmbeddedPostgres17.productionProperties(pg, "acquisition");
      try (ConfigurableApplicationContext app = EmbeddedPostgres17.startOn(properties)) {
        ProcessEngine engine = app.getBean(ProcessEngine.class);
        JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
        jdbc.execute("create extension if not exists pg_stat_statements");

        // an asynchronous step gets a due date and the job executor (on in this profile) still runs it
        engine.getRepositoryService().createDeployment().name("acquisition-probe")
            .addModelInstance("acquisition-probe.bpmn", Bpmn.createExecutableProcess("acquisition-probe")
                .name("Proef").camundaHistoryTimeToLive(1)
                .startEvent().manualTask().name("Later").camundaAsyncBefore().endEvent().done())
            .deploy();
        ProcessInstance probe = engine.getRuntimeService().startProcessInstanceByKey("acquisition-probe");
        assertThat(jdbc.queryForObject("select count(*) from act_ru_job where duedate_ is null", Long.class))
            .as("jobs without a due date").isZero();
        awaitEnded(engine, probe);

        seedFutureTimers(jdbc);
        jdbc.execute("analyze act_ru_job");

        String acquisition = acquisitionStatement(jdbc);
        assertThat(acquisition).containsIgnoringCase("order by").doesNotContainIgnoringCase("DUEDATE_ is null");
        String url = (String) properties.get("SPRING_DATASOURCE_URL");
        assertThat(plan(url, acquisition, false))
            .as("plan of the engine's acquisition over %d timers", FUTURE_TIMERS)
            .containsIgnoringCase("mt_idx_job_duedate")
            .doesNotContainIgnoringCase("Seq Scan on act_ru_job");
        assertThat(plan(url, acquisition, true))
            .as("the same statement without the index")
            .containsIgnoringCase("Seq Scan on act_ru_job");
      }
    }
  }

  private static void awaitEnded(ProcessEngine engine, ProcessInstance instance) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count() > 0
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(200); // the interval of a bounded poll: the job executor runs the step
    }
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
        .finished().count()).as("the asynchronous step ran").isEqualTo(1);
  }

  /** Timers as open cases keep them (reminders and deadlines, weeks to a year ahead), none of them due. */
  private static void seedFutureTimers(JdbcTemplate jdbc) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < FUTURE_TIMERS; i++) {
      rows.add(new Object[] {"seed-" + i, java.sql.Timestamp.from(Instant.now().plus(Duration.ofHours(1 + i % 8760)))});
    }
    jdbc.batchUpdate("insert into act_ru_job (id_, rev_, type_, exclusive_, retries_, duedate_, handler_type_, "
        + "suspension_state_, priority_, sequence_counter_, create_time_) "
        + "values (?, 1, 'timer', true, 3, ?, 'timer-transition', 1, 0, 1, now())", rows);
  }

  private static String acquisitionStatement(JdbcTemplate jdbc) {
    List<String> statements = jdbc.queryForList("select query from pg_stat_statements where query ilike "
        + "'%from ACT_RU_JOB RES%' and query ilike '%LOCK_EXP_TIME_ <%' and query ilike '%RETRIES_ >%' "
        + "order by calls desc", String.class);
    assertThat(statements).as("the job executor's acquisition statement, as PostgreSQL received it").isNotEmpty();
    return statements.get(0);
  }

  /**
   * PostgreSQL's generic plan of the statement, on a connection of its own in the simple query protocol (the
   * statement's {@code $1…} stay placeholders); without the index: in a transaction that drops it and is rolled back.
   */
  private static String plan(String url, String statement, boolean withoutTheIndex) throws Exception {
    try (Connection connection = DriverManager.getConnection(url + "&preferQueryMode=simple", "postgres",
        "postgres")) {
      connection.setAutoCommit(false);
      try (Statement sql = connection.createStatement()) {
        if (withoutTheIndex) {
          sql.execute("drop index mt_idx_job_duedate");
        }
        StringBuilder plan = new StringBuilder();
        try (ResultSet rows = sql.executeQuery("explain (generic_plan) " + statement)) {
          while (rows.next()) {
            plan.append(rows.getString(1)).append('\n');
          }
        }
        return plan.toString();
      } finally {
        connection.rollback();
      }
    }
  }
}
