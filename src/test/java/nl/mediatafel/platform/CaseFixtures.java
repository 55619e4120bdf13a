package nl.mediatafel.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import nl.mediatafel.cases.CaseRequest;
import nl.mediatafel.cases.CaseRequests;
import nl.mediatafel.cases.MediationCaseProcess;
import nl.mediatafel.process.CaseVariables;
import nl.mediatafel.process.ProcessVariable;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Real cases for tests, made the way users make them: a request, then the secretariat's triage. */
public final class CaseFixtures {

  private CaseFixtures() {}

  /** A valid {@code POST /api/coaching} body: one person (Petra, Dutch, insured) with a neighbours' conflict. */
  public static ObjectNode coachingRequest() {
    ObjectNode request = new ObjectMapper().createObjectNode();
    request.put("conflictType", "NEIGHBOURS");
    request.put("summary", "Ruzie met de buren over de schutting; ik wil weten hoe ik het gesprek aanga.");
    request.put("preferredForm", "ONLINE");
    ObjectNode person = request.putObject("person");
    person.put("name", "Petra Verbeek");
    person.put("email", "petra@example.nl");
    person.put("language", "nl");
    person.put("payer", "INSURER");
    return request;
  }

  /**
   * A case that reached its sessions: registered and accepted as users do ({@link #inIntake}), then moved past the
   * intakes and the signed mediation agreement with a process instance modification, which the scenario tests of
   * those stages cover. The case process then calls the sessions process of {@code route}.
   */
  public static ProcessInstance atSessions(CaseRequests requests, RuntimeService runtimeService,
      TaskService taskService, String requestJson, String route, String mediator) {
    ProcessInstance instance = inIntake(requests, runtimeService, taskService, requestJson, route, mediator);
    runtimeService.createProcessInstanceModification(instance.getId())
        .startBeforeActivity(MediationCaseProcess.Elements.ROUTE_JOIN)
        .cancelAllForActivity(MediationCaseProcess.Elements.INTAKE + "#multiInstanceBody")
        .execute();
    return instance;
  }

  /** Registers the request (JSON as {@code POST /api/cases} takes it) and accepts it with this mediator and route. */
  public static ProcessInstance inIntake(CaseRequests requests, RuntimeService runtimeService,
      TaskService taskService, String requestJson, String route, String mediator) {
    CaseRequest request;
    try {
      request = new ObjectMapper().readValue(requestJson, CaseRequest.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    String caseNumber = requests.register(request, null).mediationCase().getCaseNumber();
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey(MediationCaseProcess.KEY).singleResult();
    String triage = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    taskService.complete(triage, ProcessVariable.map(
        MediationCaseProcess.TRIAGE_DECISION.with(MediationCaseProcess.ACCEPT),
        MediationCaseProcess.SUITABILITY_JUDGEMENT.with("Past"),
        MediationCaseProcess.ROUTE.with(route),
        CaseVariables.MEDIATOR.with(mediator),
        MediationCaseProcess.HOURLY_RATE.with(120.0)));
    return instance;
  }
}
