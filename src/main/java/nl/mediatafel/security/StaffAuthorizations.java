package nl.mediatafel.security;

import static nl.mediatafel.security.StaffGroup.ADMINISTRATORS;
import static nl.mediatafel.security.StaffGroup.MEDIATORS;
import static nl.mediatafel.security.StaffGroup.PROCESS_DESIGNERS;
import static nl.mediatafel.security.StaffGroup.SECRETARIAT;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the staff groups and their authorizations at every start, idempotently (DESIGN.md §5), under the
 * {@link StartupLock}, so nodes starting together on an empty database create each of them once.
 *
 * <ul>
 *   <li>Mediators: Tasklist only. No task-wide READ: they see a task because the model names them as assignee or
 *       candidate user ({@code camunda:candidateUsers="${mediator}"}), which makes the engine grant them that task.</li>
 *   <li>Secretariat: Tasklist and Cockpit; reads every case, task and its history; retries failed jobs.</li>
 *   <li>Process designers: Cockpit; create, read and delete deployments; read definitions.</li>
 *   <li>Administrators ({@code camunda-admin}): everything.</li>
 * </ul>
 */
@Component
@Order(20)
public class StaffAuthorizations extends AbstractProcessEnginePlugin {

  static final String TASKLIST = "tasklist";
  static final String COCKPIT = "cockpit";

  private final StartupLock startupLock;

  StaffAuthorizations(StartupLock startupLock) {
    this.startupLock = startupLock;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    startupLock.run(() -> createGroupsAndGrants(engine));
  }

  private static void createGroupsAndGrants(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    for (StaffGroup staffGroup : StaffGroup.values()) {
      if (identity.createGroupQuery().groupId(staffGroup.id()).count() == 0) {
        Group group = identity.newGroup(staffGroup.id());
        group.setName(staffGroup.displayName());
        group.setType(staffGroup == ADMINISTRATORS ? "SYSTEM" : "WORKFLOW");
        identity.saveGroup(group);
      }
    }

    AuthorizationService auth = engine.getAuthorizationService();
    for (Resources resource : Resources.values()) {
      grant(auth, ADMINISTRATORS, resource, ANY, Permissions.ALL);
    }

    grant(auth, MEDIATORS, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
    grant(auth, MEDIATORS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
    grant(auth, MEDIATORS, Resources.USER, ANY, Permissions.READ);
    grant(auth, MEDIATORS, Resources.GROUP, ANY, Permissions.READ);

    grant(auth, SECRETARIAT, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
    grant(auth, SECRETARIAT, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
    grant(auth, SECRETARIAT, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.RETRY_JOB,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(auth, SECRETARIAT, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ,
        ProcessInstancePermissions.RETRY_JOB, ProcessInstancePermissions.CREATE);
    grant(auth, SECRETARIAT, Resources.TASK, ANY, TaskPermissions.READ);
    grant(auth, SECRETARIAT, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
    grant(auth, SECRETARIAT, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
    grant(auth, SECRETARIAT, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(auth, SECRETARIAT, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grant(auth, SECRETARIAT, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(auth, SECRETARIAT, Resources.USER, ANY, Permissions.READ);
    grant(auth, SECRETARIAT, Resources.GROUP, ANY, Permissions.READ);

    grant(auth, PROCESS_DESIGNERS, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
    grant(auth, PROCESS_DESIGNERS, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ,
        Permissions.DELETE);
    grant(auth, PROCESS_DESIGNERS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
    grant(auth, PROCESS_DESIGNERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    grant(auth, PROCESS_DESIGNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
  }

  /** Adds the permissions to the group's grant on the resource, creating it if needed; re-running changes nothing. */
  static void grant(AuthorizationService auth, StaffGroup group, Resource resource, String resourceId,
      Permission... permissions) {
    Authorization authorization = auth.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(group.id())
        .resourceType(resource)
        .resourceId(resourceId)
        .list().stream().findFirst()
        .orElseGet(() -> {
          Authorization created = auth.createNewAuthorization(AUTH_TYPE_GRANT);
          created.setGroupId(group.id());
          created.setResource(resource);
          created.setResourceId(resourceId);
          return created;
        });
    boolean changed = authorization.getId() == null;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      auth.saveAuthorization(authorization);
    }
  }
}
