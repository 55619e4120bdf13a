package nl.mediatafel.security;

import static nl.mediatafel.security.StaffGroup.MEDIATORS;
import static nl.mediatafel.security.StaffGroup.PROCESS_DESIGNERS;
import static nl.mediatafel.security.StaffGroup.SECRETARIAT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.mediatafel.process.CaseVariables;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters every staff member starts with, created once by name and readable by the groups that need
 * them. What a filter lists is still limited by task authorizations: a mediator's "Deadline verstreken" shows only
 * the mediator's own overdue tasks. Created under the {@link StartupLock}: the engine has no unique filter name, so
 * only the lock keeps two nodes starting together from creating every filter twice.
 */
@Component
@Order(40)
public class TaskFilters extends AbstractProcessEnginePlugin {

  public static final String MY_TASKS = "Mijn taken";
  public static final String GROUP_TASKS = "Taken van mijn groep";
  public static final String OVERDUE = "Deadline verstreken";
  public static final String ALL_OPEN = "Alle open taken";

  /**
   * Shown with every task in the list, so staff see which case a task is about: the case number and the parties'
   * short names, a variable of the task itself (a mediator reads tasks, not process instances).
   */
  static final List<Map<String, String>> SHOWN_VARIABLES = List.of(
      Map.of("name", CaseVariables.CASE_LABEL.name(), "label", "Zaak"));

  private record Definition(String name, String description, int priority, String color, List<StaffGroup> readers) {}

  private final StartupLock startupLock;

  TaskFilters(StartupLock startupLock) {
    this.startupLock = startupLock;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    startupLock.run(() -> createFilters(engine));
  }

  private static void createFilters(ProcessEngine engine) {
    TaskService tasks = engine.getTaskService();
    List<StaffGroup> staff = List.of(MEDIATORS, SECRETARIAT, PROCESS_DESIGNERS);
    ensure(engine, new Definition(MY_TASKS, "Taken die aan mij zijn toegewezen of voor mij klaarstaan", -10,
        "#1f6f8b", staff), tasks.createTaskQuery().or()
            .taskAssigneeExpression("${currentUser()}")
            .taskCandidateUserExpression("${currentUser()}")
            .endOr());
    ensure(engine, new Definition(GROUP_TASKS, "Niet toegewezen taken voor een groep waarvan ik lid ben", 0,
        "#4c8f3a", List.of(SECRETARIAT, MEDIATORS)), tasks.createTaskQuery()
            .taskCandidateGroupInExpression("${currentUserGroups()}"));
    ensure(engine, new Definition(OVERDUE, "Taken waarvan de vervaldatum voorbij is", 5, "#b3261e", staff),
        tasks.createTaskQuery().dueBeforeExpression("${now()}"));
    ensure(engine, new Definition(ALL_OPEN, "Alle open taken van alle zaken (secretariaat)", 10, "#555555",
        List.of(SECRETARIAT)), tasks.createTaskQuery());
  }

  private static void ensure(ProcessEngine engine, Definition definition, TaskQuery query) {
    FilterService filters = engine.getFilterService();
    Filter filter = filters.createFilterQuery().filterName(definition.name()).list().stream().findFirst()
        .orElseGet(() -> {
          Map<String, Object> properties = new LinkedHashMap<>();
          properties.put("description", definition.description());
          properties.put("priority", definition.priority());
          properties.put("color", definition.color());
          properties.put("refresh", true);
          properties.put("variables", SHOWN_VARIABLES);
          Filter created = filters.newTaskFilter(definition.name()).setQuery(query).setProperties(properties);
          return filters.saveFilter(created);
        });
    if (!SHOWN_VARIABLES.equals(filter.getProperties().get("variables"))) {
      // a filter made by an earlier version showed the bare case number, which a mediator could not read
      Map<String, Object> properties = new LinkedHashMap<>(filter.getProperties());
      properties.put("variables", SHOWN_VARIABLES);
      filter = filters.saveFilter(filter.setProperties(properties));
    }
    for (StaffGroup reader : definition.readers()) {
      StaffAuthorizations.grant(engine.getAuthorizationService(), reader, Resources.FILTER, filter.getId(),
          Permissions.READ);
    }
  }
}
