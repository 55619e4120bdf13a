package nl.mediatafel.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The expression rules on their own: beans are the designer-function beans plus a few engine and Spring beans. */
class ExpressionRulesTest {

  private static final Set<String> BEANS = Set.of("identityService", "repositoryService", "processEngine",
      "dataSource", "sendEmail", "deliverMail", "applicationContext", "runtimeService");

  private final ExpressionRules rules = new ExpressionRules(BEANS::contains);

  @ParameterizedTest
  @ValueSource(strings = {
      "${mediator}",
      "${execution.processBusinessKey}",
      "#{execution.processBusinessKey}",
      "${execution.getProcessBusinessKey()}",
      "${execution.getVariable('sessionReminder') == null}",
      "${execution.getVariable('extendedIntakeDeadline') == null ? partyIntakeReminder : "
          + "businessCalendar.reminderBefore(execution.getVariable('extendedIntakeDeadline'), 1)}",
      "${execution.hasVariable('x') && execution.currentActivityId == 'a'}",
      "${task.id} ${task.name} ${task.assignee} ${task.eventName} ${task.getVariable('x')}",
      "${sessionPlanning.partyList(execution.processBusinessKey)}",
      "${sessionPlanning.roomList()}",
      "${dueDates.businessDays(2)}",
      "${caseRoles.partyName(partyId)}",
      "${caseRoles.mediatorOf(execution)}",
      "${coachingForms.coachName(mediator)}",
      "${signingParties.describe(caseNumber, partyId)}",
      "Intakegesprek met ${caseRoles.partyName(partyId)}",
      "${advice.route}",
      "${advice['route']}",
      "${partyIds[0]}",
      "${forumReactionBusinessDays.intValue() * 2}",
      "${route == 'FACE_TO_FACE' || route == 'HYBRID'}",
      "${settlementSigningOutcome == 'SIGNED' ? 'SETTLED' : 'SETTLEMENT_NOT_SIGNED'}",
      "${'MEDIATION_AGREEMENT'}",
      "${false}",
      "${now()}",
      "${dateTime().plusDays(2).toDate()}",
      "${currentUser()}",
      "${currentUserGroups().contains('secretariat')}",
      "${authenticatedUserId}",
      "${not empty mediator}",
      "plain text without expressions",
  })
  void allowed(String expression) {
    assertThat(rules.check(expression)).as(expression).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "${execution.getProcessEngineServices().getIdentityService().createMembership('daan','camunda-admin')}"
          + " | engine's services (getProcessEngineServices)",
      "${execution.processEngineServices.identityService.createMembership('daan','camunda-admin')}"
          + " | engine's services (processEngineServices)",
      "${execution.getProcessEngine()} | engine's services (getProcessEngine)",
      "${execution.processEngine} | engine's services (processEngine)",
      "${execution.getProcessDefinition()} | engine's services (getProcessDefinition)",
      "${execution.processInstance.id} | engine's services (processInstance)",
      "${task.execution.processBusinessKey} | engine's services (execution)",
      "${task.getExecution()} | engine's services (getExecution)",
      "${execution.setVariable('x', 1)} | 'execution.setVariable'",
      "${execution.activity} | 'execution.activity'",
      "${variableScope.variables} | 'variableScope.variables'",
      "${identityService.createMembership('daan','camunda-admin')} | 'identityService.createMembership'",
      "${repositoryService.deleteDeployment('x')} | 'repositoryService.deleteDeployment'",
      "${processEngine.identityService} | engine's services (identityService)",
      "${dataSource.connection} | property 'connection' of the bean 'dataSource'",
      "${identityService} | the bean 'identityService' itself",
      "${sendEmail} | the bean 'sendEmail' itself",
      "${execution} | engine object 'execution' itself",
      "${task} | engine object 'task' itself",
      "${dueDates.businessDays(1, 2)} | 'dueDates.businessDays' with 2 argument(s)",
      "${dueDates.businessDays} | property 'businessDays' of the bean 'dueDates'",
      "${caseRoles.mediatorOf(execution.getProcessEngineServices())} | getProcessEngineServices",
      "${''.getClass().forName('java.lang.Runtime')} | 'getClass'",
      "${''.class.forName('java.lang.Runtime')} | 'class'",
      "${x.getClass()} | 'getClass'",
      "${x.class.classLoader} | 'class'",
      "${x['class']} | 'class'",
      "${x[y]} | names a member at run time",
      "${applicationContext.getBean('identityService')} | 'getBean'",
      "${mediator.getRuntime().exec('id')} | 'getRuntime'",
      "${(execution).getProcessEngineServices()} | engine's services",
      "${(true ? identityService : null).createMembership('a','b')} | the bean 'identityService' itself",
      "${mediator.concat('x')} | method 'concat()' on a value",
      "${'x'.replace('a','b')} | method 'replace()' on a value",
      "${fn:evil()} | function 'fn:evil()'",
      "${evil()} | function 'evil()'",
      "${execution.getVariable('a').getClass()} | 'getClass'",
      "${dateTime().toDate().getClass()} | 'getClass'",
      "${unclosed | does not parse",
      "${a + } | does not parse",
  })
  void refused(String expression, String reason) {
    assertThat(rules.check(expression.trim())).as(expression).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains(reason.trim());
  }
}
