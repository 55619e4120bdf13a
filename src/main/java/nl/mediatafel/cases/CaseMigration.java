package nl.mediatafel.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Moves open cases from an older version of {@code mediation-case} to the newest where the engine can map their state,
 * and leaves the others to finish on the version they started on (docs/migration.md, docs/adr/0010).
 *
 * <p>The plan is Camunda's own: {@code createMigrationPlan(old, new).mapEqualActivities().updateEventTriggers()}.
 * It maps every activity that has the same id, type and scope in both versions: the triage, the sessions call
 * activities and the case-wide event sub-processes. A case whose state lies in an activity the plan does not map
 * (in version 1 the embedded stages {@code subProcess_intake}, {@code subProcess_settlement}, the agreement's steps
 * and {@code subProcess_closing}, which became call activities) is not touched: the migration API cannot turn an
 * embedded sub-process into a call activity, and a case finishes on the version it started on.
 *
 * <p>Run it from a Spring shell or a test with the ids of Cockpit, or use the same plan through the REST API
 * ({@code POST /engine-rest/migration/generate} and {@code /migration/execute}, docs/migration.md).
 */
@Service
public class CaseMigration {

  private static final Logger LOG = LoggerFactory.getLogger(CaseMigration.class);

  /** What a migration did: the cases moved to the new version, and those that finish on their old one. */
  public record Report(String targetDefinitionId, List<String> migrated, List<String> staying) {}

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;

  CaseMigration(RepositoryService repositoryService, RuntimeService runtimeService) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
  }

  /** The plan from one version of the case process to another: every activity with the same id, type and scope. */
  public MigrationPlan plan(String sourceDefinitionId, String targetDefinitionId) {
    return runtimeService.createMigrationPlan(sourceDefinitionId, targetDefinitionId)
        .mapEqualActivities()
        .updateEventTriggers()
        .build();
  }

  /** Moves every open case of an older {@code mediation-case} version that the plan can carry to the newest version. */
  public Report migrateOpenCases() {
    ProcessDefinition latest = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(MediationCaseProcess.KEY).latestVersion().singleResult();
    List<String> migrated = new ArrayList<>();
    List<String> staying = new ArrayList<>();
    for (ProcessDefinition older : repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(MediationCaseProcess.KEY).list()) {
      if (older.getId().equals(latest.getId())) {
        continue;
      }
      Report report = migrate(older.getId(), latest.getId());
      migrated.addAll(report.migrated());
      staying.addAll(report.staying());
    }
    return new Report(latest.getId(), migrated, staying);
  }

  /** Moves the open cases of one version that the plan can carry; the rest stay (and finish) where they are. */
  public Report migrate(String sourceDefinitionId, String targetDefinitionId) {
    MigrationPlan plan = plan(sourceDefinitionId, targetDefinitionId);
    Set<String> mapped = new TreeSet<>();
    for (MigrationInstruction instruction : plan.getInstructions()) {
      mapped.add(instruction.getSourceActivityId());
    }
    List<ProcessInstance> migrated = new ArrayList<>();
    List<String> staying = new ArrayList<>();
    for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
        .processDefinitionId(sourceDefinitionId).list()) {
      if (mapped.containsAll(waitStates(instance.getId()))) {
        migrated.add(instance);
      } else {
        staying.add(instance.getBusinessKey());
      }
    }
    if (!migrated.isEmpty()) {
      runtimeService.newMigration(plan).processInstanceIds(migrated.stream().map(ProcessInstance::getId).toList())
          .execute();
    }
    LOG.info("Migrated {} cases from {} to {}; {} finish on their version: {}", migrated.size(), sourceDefinitionId,
        targetDefinitionId, staying.size(), staying);
    return new Report(targetDefinitionId, migrated.stream().map(CaseMigration::businessKeyOrId).toList(), staying);
  }

  /** The activities the instance waits in (each scope and each leaf, transitions before an async step too). */
  public Set<String> waitStates(String processInstanceId) {
    Set<String> states = new TreeSet<>();
    collect(runtimeService.getActivityInstance(processInstanceId), states, true);
    return states;
  }

  private static void collect(ActivityInstance activity, Set<String> states, boolean root) {
    if (!root) {
      states.add(activity.getActivityId());
    }
    for (ActivityInstance child : activity.getChildActivityInstances()) {
      collect(child, states, false);
    }
    for (TransitionInstance transition : activity.getChildTransitionInstances()) {
      states.add(transition.getActivityId());
    }
  }

  private static String businessKeyOrId(ProcessInstance instance) {
    return instance.getBusinessKey() == null ? instance.getId() : instance.getBusinessKey();
  }
}
