package nl.mediatafel.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.mediatafel.cases.CaseDirectory;
import nl.mediatafel.cases.CaseRequest;
import nl.mediatafel.cases.CaseRequests;
import nl.mediatafel.cases.MediationCaseProcess;
import nl.mediatafel.cases.Party;
import nl.mediatafel.intake.IntakeProcess;
import nl.mediatafel.process.CaseVariables;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A newcomer's first start ({@code ./mvnw spring-boot:run}) shows real work: three cases at different stages, one
 * per route. Only in the default profile ({@code mediatafel.demo.cases}) and only while there are no cases at all.
 * A module of its own, on top of the features: it acts as the request API, the secretariat and the parties would.
 */
@Component
@ConditionalOnProperty(name = "mediatafel.demo.cases", havingValue = "true")
class DemoCases {

  private static final Logger LOG = LoggerFactory.getLogger(DemoCases.class);

  private final CaseRequests requests;
  private final CaseDirectory cases;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;

  DemoCases(CaseRequests requests, CaseDirectory cases, RuntimeService runtimeService, TaskService taskService,
      ManagementService managementService) {
    this.requests = requests;
    this.cases = cases;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onFirstStart() {
    if (cases.isEmpty()) {
      LOG.info("Demo cases created: {}", create());
    }
  }

  /** @return the case numbers: waiting for triage, in intake, and with intake conversations to hold */
  List<String> create() {
    List<String> created = new ArrayList<>();

    // face to face: a shareholders' dispute, waiting for the secretariat's triage
    created.add(requests.register(new CaseRequest("SHAREHOLDERS",
        "Twee aandeelhouders van een installatiebedrijf verschillen van mening over de koers en de winstverdeling.",
        "HIGH", "FACE_TO_FACE", false, new CaseRequest.Referrer("LAWYER", "Mr. R. Veenstra", "2026/113"),
        List.of(party("Karel Smits", "karel.smits@example.nl", "nl", "SELF"),
            party("Ingrid Smits-de Wit", "ingrid@example.nl", "nl", "SELF"))), null)
        .mediationCase().getCaseNumber());

    // online, asynchronous: a homeowners' association with five members, accepted and in intake
    String hoa = requests.register(new CaseRequest("HOA",
        "Onenigheid in een VvE over het onderhoudsplan en de verdeling van de kosten.",
        "LOW", "ONLINE_ASYNC", false, new CaseRequest.Referrer("SELF", null, null),
        List.of(party("Fatima El Amrani", "fatima@example.nl", "nl", "SELF"),
            party("Peter Jansen", "peter.jansen@example.nl", "nl", "SELF"),
            party("Sophie Mulder", "sophie@example.nl", "nl", "SELF"),
            party("Daniel Wright", "daniel.wright@example.com", "en", "SELF"),
            party("Marloes de Graaf", "marloes@example.nl", "nl", "INSURER"))), null)
        .mediationCase().getCaseNumber();
    triage(hoa, "ONLINE_ASYNC", "anna", 125.0, 95.0);
    created.add(hoa);

    // online by video: a labour conflict with a party abroad; both intakes are in, conversations to hold
    String labour = requests.register(new CaseRequest("LABOUR",
        "Verstoorde verhouding tussen een teamleider en een medewerker die tijdelijk in het buitenland werkt.",
        "MEDIUM", "ONLINE_VIDEO", false, new CaseRequest.Referrer("EMPLOYER", "HR Zorggroep Oost", null),
        List.of(party("Jeroen Bos", "jeroen.bos@example.nl", "nl", "EMPLOYER"),
            new CaseRequest.PartyRequest("Lena Novak", "lena.novak@example.com", "en", true, "EMPLOYER",
                new CaseRequest.Advisor("Mr. T. Kramer", "t.kramer@advocaat.example")))), null)
        .mediationCase().getCaseNumber();
    triage(labour, "ONLINE_VIDEO", "bram", 150.0, 95.0);
    sendInvitationsNow(labour);
    for (Party party : cases.parties(labour)) {
      IntakeProcess.intakeSubmitted(runtimeService, labour, party.getId().toString()).correlate();
    }
    created.add(labour);
    return created;
  }

  /** The invitations are asynchronous; the parties can only answer once they have gone out. */
  private void sendInvitationsNow(String caseNumber) {
    // one intake instance per party, called by the case with its number as business key
    List<Job> invitations = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey(IntakeProcess.KEY).list().stream()
        .flatMap(intake -> managementService.createJobQuery().processInstanceId(intake.getId())
            .activityId(IntakeProcess.Elements.INTAKE_INVITATION).list().stream())
        .toList();
    for (Job job : invitations) {
      try {
        managementService.executeJob(job.getId());
      } catch (ProcessEngineException alreadyDoneByTheJobExecutor) {
        LOG.debug("Invitation job {} was run by the job executor", job.getId());
      }
    }
  }

  private void triage(String caseNumber, String route, String mediator, double hourlyRate, double platformFee) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey(MediationCaseProcess.Elements.TRIAGE).singleResult();
    taskService.complete(task.getId(), Map.of(
        MediationCaseProcess.TRIAGE_DECISION.name(), MediationCaseProcess.ACCEPT,
        MediationCaseProcess.SUITABILITY_JUDGEMENT.name(), "Partijen willen er samen uitkomen; de route past.",
        MediationCaseProcess.ROUTE.name(), route,
        CaseVariables.MEDIATOR.name(), mediator,
        MediationCaseProcess.HOURLY_RATE.name(), hourlyRate,
        MediationCaseProcess.PLATFORM_FEE.name(), platformFee));
  }

  private static CaseRequest.PartyRequest party(String name, String email, String language, String payer) {
    return new CaseRequest.PartyRequest(name, email, language, false, payer, null);
  }
}
