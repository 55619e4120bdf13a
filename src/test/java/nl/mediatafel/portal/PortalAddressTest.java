package nl.mediatafel.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import nl.mediatafel.cases.MediationCaseProcess;
import nl.mediatafel.intake.IntakeProcess;
import nl.mediatafel.platform.MailJobs;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.platform.ProcessJobs;
import nl.mediatafel.platform.ReceivedMail;
import nl.mediatafel.platform.TestMailServer;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Without a configured {@code mediatafel.portal.base-url} (the default profile and the tests) the links in mails use
 * the port the server runs on: here a random one, so a link that still said {@code localhost:8080} would not open.
 */
@MediatafelTest
class PortalAddressTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;

  @Test
  void theIntakeLinkInAPartysMailOpensItsPageOnThePortTheServerRunsOn() throws Exception {
    TestMailServer.purge();
    String email = "noor." + System.nanoTime() + "@example.nl";
    String caseNumber = requestCase(email);
    acceptInTasklist(caseNumber);
    ProcessJobs.executeAt(managementService, runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).processDefinitionKey(MediationCaseProcess.KEY).singleResult(),
        IntakeProcess.Elements.INTAKE_INVITATION);
    MailJobs.deliverQueued();

    ReceivedMail invitation = Arrays.stream(TestMailServer.received()).map(ReceivedMail::of)
        .filter(mail -> mail.to().equals(email)).findFirst().orElseThrow();
    String link = invitation.portalLink();

    assertThat(link).startsWith("http://localhost:" + port + "/portal/");
    HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link))
        .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).as("the link as mailed opens").isEqualTo(200);
    assertThat(page.body()).contains("<form");
  }

  private String requestCase(String email) {
    ObjectNode request = JSON.createObjectNode();
    request.put("conflictType", "NEIGHBOURS");
    request.put("summary", "Overlast van een schutting.");
    request.put("escalation", "LOW");
    request.put("preferredRoute", "NO_PREFERENCE");
    request.put("safetyConcern", false);
    var parties = request.putArray("parties");
    parties.addObject().put("name", "Noor Bakker").put("email", email).put("language", "nl").put("payer", "SELF");
    parties.addObject().put("name", "Sem de Wit").put("email", "sem." + System.nanoTime() + "@example.nl")
        .put("language", "nl").put("payer", "SELF");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.postForEntity("/api/cases", new HttpEntity<>(request.toString(), headers), JsonNode.class).getBody()
        .path("caseNumber").asText();
  }

  /** As the secretariat completes "Aanmelding beoordelen" in Tasklist. */
  private void acceptInTasklist(String caseNumber) {
    String triage = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey(MediationCaseProcess.Elements.TRIAGE).singleResult().getId();
    ObjectNode variables = JSON.createObjectNode();
    variables.putObject("triageDecision").put("value", MediationCaseProcess.ACCEPT);
    variables.putObject("suitabilityJudgement").put("value", "Past");
    variables.putObject("route").put("value", "FACE_TO_FACE");
    variables.putObject("mediator").put("value", "anna");
    variables.putObject("hourlyRate").put("value", 120);
    ObjectNode body = JSON.createObjectNode();
    body.set("variables", variables);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    assertThat(http.withBasicAuth("sanne", "sanne").postForEntity("/engine-rest/task/" + triage + "/submit-form",
        new HttpEntity<>(body.toString(), headers), String.class).getStatusCode().is2xxSuccessful()).isTrue();
  }
}
