package nl.mediatafel.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.mediatafel.platform.MediatafelTest;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A refused form ({@code process.FormRefusal}) as the secretariat meets it in Tasklist: the triage form submitted
 * through the engine's REST API ({@code POST /engine-rest/task/{id}/submit-form}, what Tasklist calls) with a
 * mediator who is no mediator. The text comes from {@code i18n/refusals_*.properties} in the browser's language, the
 * task stays open, and the log shows no ERROR with a stack trace, while a real engine error still does.
 */
@MediatafelTest
@ExtendWith(OutputCaptureExtension.class)
class TriageRefusalTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired CaseRequests requests;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired MediationCaseRepository cases;

  @Test
  void aDutchBrowserReadsTheRefusalInDutch() {
    Task triage = triage();

    ResponseEntity<JsonNode> refused = submit(triage, "nl-NL,nl;q=0.9,en;q=0.8");

    assertThat(refused.getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(refused.getBody().get("message").asText())
        .contains("Mediator 'sanne' is geen gebruiker in de groep mediators");
    assertThat(taskService.createTaskQuery().taskId(triage.getId()).count()).as("the task stays open").isOne();
  }

  @Test
  void anEnglishBrowserReadsTheRefusalInEnglish() {
    Task triage = triage();

    ResponseEntity<JsonNode> refused = submit(triage, "en-GB,en;q=0.9");

    assertThat(refused.getBody().get("message").asText())
        .contains("Mediator 'sanne' is not a user in the group mediators")
        .doesNotContain("geen gebruiker");
    assertThat(taskService.createTaskQuery().taskId(triage.getId()).count()).isOne();
  }

  @Test
  void aRefusalLeavesNoErrorWithAStackTraceInTheLog(CapturedOutput output) {
    Task triage = triage();
    int before = output.length();

    submit(triage, "nl");

    String logged = output.toString().substring(before);
    assertThat(logged).doesNotContain("ENGINE-16004").doesNotContain(" ERROR ")
        .doesNotContain("at nl.mediatafel.cases.AcceptCaseDelegate");
  }

  @Test
  void aRealEngineErrorIsStillLoggedAsAnError(CapturedOutput output) {
    int before = output.length();

    assertThatThrownBy(() -> runtimeService.correlateMessage("Mediatafel.NoSuchMessage"));

    assertThat(output.toString().substring(before)).contains("ENGINE-16004").contains("ERROR");
  }

  @Test
  void aRateIsRefusedWhenNegativeTooLargeOrWithMoreThanTwoDecimalsAndStoredWithScaleTwo() {
    Task triage = triage();

    assertThat(submit(triage, "nl", "anna", "-5").getBody().get("message").asText())
        .contains("Uurtarief: een bedrag kan niet negatief zijn, niet -5");
    assertThat(submit(triage, "nl", "anna", "1000000").getBody().get("message").asText())
        .contains("Uurtarief: hoogstens 999999.99 euro, niet 1000000");
    assertThat(submit(triage, "en", "anna", "145.555").getBody().get("message").asText())
        .contains("Hourly rate: at most two digits after the decimal point, not 145.555");
    assertThat(cases.findById(caseNumberOf(triage)).orElseThrow()
        .getStatus()).as("nothing half-written").isEqualTo(CaseStatus.REQUESTED);

    assertThat(submit(triage, "nl", "anna", "145.5").getStatusCode().value()).isEqualTo(204);
    MediationCase accepted = cases.findById(caseNumberOf(triage)).orElseThrow();
    assertThat(accepted.getHourlyRate()).isEqualByComparingTo("145.50").extracting(java.math.BigDecimal::scale)
        .isEqualTo(2);
  }

  private String caseNumberOf(Task task) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult()
        .getBusinessKey();
  }

  private Task triage() {
    CaseRequest request = JSON.convertValue(CaseApiTest.validRequest(), CaseRequest.class);
    String caseNumber = requests.register(request, null).mediationCase().getCaseNumber();
    return taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
  }

  /** The triage form accepting the case with a secretary as mediator, as Tasklist submits it. */
  private ResponseEntity<JsonNode> submit(Task triage, String acceptLanguage) {
    return submit(triage, acceptLanguage, "sanne", "145");
  }

  private ResponseEntity<JsonNode> submit(Task triage, String acceptLanguage, String mediator, String hourlyRate) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
    String form = """
        {"variables": {
          "triageDecision": {"value": "ACCEPT"},
          "suitabilityJudgement": {"value": "Past"},
          "route": {"value": "ONLINE_VIDEO"},
          "mediator": {"value": "%s"},
          "hourlyRate": {"value": %s}
        }}""".formatted(mediator, hourlyRate);
    return http.withBasicAuth("sanne", "sanne").postForEntity("/engine-rest/task/" + triage.getId() + "/submit-form",
        new HttpEntity<>(form, headers), JsonNode.class);
  }
}
