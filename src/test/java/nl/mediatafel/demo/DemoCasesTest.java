package nl.mediatafel.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.mediatafel.cases.CaseDirectory;
import nl.mediatafel.cases.CaseStatus;
import nl.mediatafel.cases.MediationCase;
import nl.mediatafel.cases.MediationCaseProcess;
import nl.mediatafel.cases.Route;
import nl.mediatafel.intake.IntakeProcess;
import nl.mediatafel.platform.MediatafelTest;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The demo cases of a first start: one per route, at triage, in intake, and with conversations to hold. */
@MediatafelTest
class DemoCasesTest {

  @Autowired ApplicationContext context;
  @Autowired CaseDirectory cases;
  @Autowired TaskService taskService;

  @Test
  void threeCasesAtDifferentStagesOnePerRoute() {
    assertThat(context.getBeansOfType(DemoCases.class)).as("off in the test profile").isEmpty();
    DemoCases demo = context.getAutowireCapableBeanFactory().createBean(DemoCases.class);

    List<String> created = demo.create();

    assertThat(created).hasSize(3);
    assertThat(cases.find(created.get(0)).orElseThrow().getStatus()).isEqualTo(CaseStatus.REQUESTED);
    assertThat(openTasks(created.get(0))).extracting(Task::getTaskDefinitionKey)
        .containsExactly(MediationCaseProcess.Elements.TRIAGE);

    assertThat(cases.find(created.get(1)).orElseThrow())
        .extracting(MediationCase::getStatus, MediationCase::getRoute, MediationCase::getMediator)
        .containsExactly(CaseStatus.INTAKE, Route.ONLINE_ASYNC, "anna");

    assertThat(cases.find(created.get(2)).orElseThrow().getRoute()).isEqualTo(Route.ONLINE_VIDEO);
    assertThat(openTasks(created.get(2))).hasSize(2).allSatisfy(task -> {
      assertThat(task.getTaskDefinitionKey()).isEqualTo(IntakeProcess.Elements.INTAKE_CONVERSATION);
      assertThat(taskService.getIdentityLinksForTask(task.getId()))
          .anyMatch(link -> "bram".equals(link.getUserId()));
    });
  }

  private List<Task> openTasks(String caseNumber) {
    return taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).list();
  }
}
