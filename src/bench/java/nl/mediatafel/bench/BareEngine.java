package nl.mediatafel.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.SubProcess;

/**
 * The reference: a bare Camunda 7 engine as its documentation sets one up (standalone configuration, Camunda's own
 * schema, history {@code full}, authorization and job executor on), on the same PostgreSQL server with a pool of the
 * same size as the product's, running a skeleton of the product's acceptance: the same wait states (triage, one intake
 * per party with a reminder and a deadline timer, the mediator's conversation) and an asynchronous invitation step per
 * party that does nothing.
 */
final class BareEngine implements AutoCloseable {

  static final String KEY = "bare-case";
  static final String TRIAGE = "userTask_triage";

  private final HikariDataSource dataSource;
  private final ProcessEngine engine;

  private BareEngine(HikariDataSource dataSource, ProcessEngine engine) {
    this.dataSource = dataSource;
    this.engine = engine;
  }

  static BareEngine start(String jdbcUrl, int poolSize) {
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(jdbcUrl);
    pool.setUsername("postgres");
    pool.setPassword("postgres");
    pool.setMaximumPoolSize(poolSize);
    pool.setAutoCommit(false);
    HikariDataSource dataSource = new HikariDataSource(pool);
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("bare");
    configuration.setDataSource(dataSource);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setAuthorizationEnabled(true);
    configuration.setJobExecutorActivate(true);
    ProcessEngine engine = configuration.buildProcessEngine();
    if (engine.getIdentityService().createUserQuery().userId(Benchmark.MEDIATOR).count() == 0) {
      User mediator = engine.getIdentityService().newUser(Benchmark.MEDIATOR);
      mediator.setPassword(Benchmark.MEDIATOR);
      engine.getIdentityService().saveUser(mediator);
    }
    engine.getRepositoryService().createDeployment().name(KEY).addModelInstance(KEY + ".bpmn", skeleton())
        .enableDuplicateFiltering(true).deploy();
    return new BareEngine(dataSource, engine);
  }

  ProcessEngine engine() {
    return engine;
  }

  /** Request and triage, as the product's acceptance: a started case and its completed triage task. */
  void accept(String caseNumber, List<String> parties) {
    engine.getRuntimeService().startProcessInstanceByKey(KEY, caseNumber,
        java.util.Map.of("parties", parties, "caseNumber", caseNumber));
    String triage = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey(TRIAGE).singleResult().getId();
    engine.getTaskService().complete(triage, java.util.Map.of("mediator", Benchmark.MEDIATOR, "route", "FACE_TO_FACE"));
  }

  private static BpmnModelInstance skeleton() {
    BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).name("Kale zaak").camundaHistoryTimeToLive(180)
        .startEvent("startEvent_request")
        .userTask(TRIAGE).name("Aanmelding beoordelen").camundaCandidateGroups("secretariat")
        .subProcess("subProcess_intake")
        .embeddedSubProcess().startEvent("startEvent_intake")
        .serviceTask("serviceTask_invitation").name("Uitnodiging").camundaAsyncBefore().camundaExpression("${true}")
        .receiveTask("receiveTask_intake").name("Intake ontvangen").message("BareIntakeSubmitted")
        .camundaInputParameter("party", "${party}")
        .boundaryEvent("timer_reminder").cancelActivity(false).timerWithDuration("P3D").endEvent()
        .moveToActivity("receiveTask_intake")
        .boundaryEvent("timer_deadline").timerWithDuration("P10D").endEvent()
        .moveToActivity("receiveTask_intake")
        .userTask("userTask_conversation").name("Intakegesprek").camundaCandidateUsers("${mediator}")
        .endEvent()
        .subProcessDone()
        .endEvent()
        .done();
    model.<SubProcess>getModelElementById("subProcess_intake").builder().multiInstance().parallel()
        .camundaCollection("${parties}").camundaElementVariable("party").multiInstanceDone();
    return model;
  }

  @Override
  public void close() {
    engine.close();
    dataSource.close();
  }
}
