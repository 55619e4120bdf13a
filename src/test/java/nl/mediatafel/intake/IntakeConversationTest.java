package nl.mediatafel.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.mediatafel.cases.MediationCaseProcess;
import nl.mediatafel.cases.Party;
import nl.mediatafel.platform.CaseFixtures;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.platform.ProcessJobs;
import nl.mediatafel.platform.ProcessScenario;
import nl.mediatafel.process.ProcessVariable;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Intakegesprek voeren": what the mediator records per party goes to {@code intake_conversation}, each party's own
 * row (the parallel conversations never overwrite each other), and the notes never reach Camunda's history.
 */
@MediatafelTest
class IntakeConversationTest extends ProcessScenario {

  @Autowired IntakeConversationRepository conversations;

  @Test
  void eachPartysConversationIsFiledAndTheNotesStayOutOfTheProcessAndItsHistory() {
    ProcessInstance instance = withConversationsToHold();
    List<Party> all = partiesOf(instance.getBusinessKey());
    for (Party party : all) {
      taskService.complete(conversationWith(instance, party).getId(), ProcessVariable.map(
          IntakeProcess.CONVERSATION_CHANNEL.with("VIDEO"), IntakeProcess.ONLINE_EXPLAINED.with(true),
          IntakeProcess.CONVERSATION_NOTES.with("Vertrouwelijk over " + party.getName())));
    }

    for (Party party : all) {
      IntakeConversation filed = conversations.findByPartyId(party.getId()).orElseThrow();
      assertThat(filed.getNotes()).isEqualTo("Vertrouwelijk over " + party.getName());
      assertThat(filed.getChannel()).isEqualTo("VIDEO");
      assertThat(filed.isWayOfWorkingExplained()).isTrue();
      assertThat(filed.getCaseNumber()).isEqualTo(instance.getBusinessKey());
    }
    // the case and the instances it called: the intake of each party among them
    String[] ofCase = historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(instance.getBusinessKey()).list().stream()
        .map(org.camunda.bpm.engine.history.HistoricProcessInstance::getId).toArray(String[]::new);
    assertThat(runtimeService.getVariables(instance.getId()))
        .doesNotContainKey(RecordIntakeConversationListener.NOTES.name());
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(ofCase)
        .variableName(RecordIntakeConversationListener.NOTES.name()).count()).isZero();
    assertThat(historyService.createHistoricDetailQuery().processInstanceIdIn(ofCase).variableUpdates().list())
        .extracting(detail -> ((HistoricVariableUpdate) detail).getVariableName())
        .contains("conversationChannel").doesNotContain("conversationNotes");
  }

  @Test
  void anUnknownChannelIsRefusedByNameAndNothingIsFiled() {
    ProcessInstance instance = withConversationsToHold();
    Party first = partiesOf(instance.getBusinessKey()).get(0);
    Task task = conversationWith(instance, first);

    assertThatThrownBy(() -> taskService.complete(task.getId(), ProcessVariable.map(
        IntakeProcess.CONVERSATION_CHANNEL.with("CARRIER_PIGEON"),
        IntakeProcess.ONLINE_EXPLAINED.with(true)))).hasMessageContaining("Gevoerd via");
    assertThat(conversations.findByPartyId(first.getId())).isEmpty();
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
  }

  private ProcessInstance withConversationsToHold() {
    ProcessInstance instance = CaseFixtures.inIntake(requests, runtimeService, taskService, """
        {"conflictType": "LABOUR", "summary": "Werktijden", "escalation": "LOW", "preferredRoute": "ONLINE_VIDEO",
         "safetyConcern": false,
         "parties": [{"name": "Jan de Boer", "email": "jan.conversation@example.nl", "language": "nl", "payer": "SELF"},
                     {"name": "Emma Clarke", "email": "emma.conversation@example.co.uk", "language": "en",
                      "payer": "SELF"}]}
        """, "ONLINE_VIDEO", "anna");
    ProcessJobs.executeAt(managementService, instance, IntakeProcess.Elements.INTAKE_INVITATION);
    for (Party party : partiesOf(instance.getBusinessKey())) {
      IntakeProcess.intakeSubmitted(runtimeService, instance.getBusinessKey(), party.getId().toString())
          .correlate();
    }
    return instance;
  }

  private Task conversationWith(ProcessInstance instance, Party party) {
    return taskService.createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .taskDefinitionKey(IntakeProcess.Elements.INTAKE_CONVERSATION).list().stream()
        .filter(task -> party.getName().equals(IntakeProcess.PARTY_NAME.from(taskService, task.getId()).orElse(null)))
        .findFirst().orElseThrow();
  }
}
