package nl.mediatafel.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.process.CaseVariables;
import nl.mediatafel.process.ProcessVariable;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Who may see and do what, checked through the HTTP interfaces staff use: REST API, webapp login, our API. */
@MediatafelTest
class StaffAuthorizationTest {

  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired FilterService filterService;
  @Autowired org.camunda.bpm.engine.IdentityService identityService;

  private String deploymentId;
  private ProcessInstance annasCase;
  private ProcessInstance bramsCase;

  @BeforeEach
  void twoCasesOneForEachMediator() {
    deploymentId = repositoryService.createDeployment().name("authorization-test")
        .addClasspathResource("test-models/mediator-task.bpmn").deploy().getId();
    annasCase = runtimeService.startProcessInstanceByKey("test-mediator-task", "MED-TEST-0001",
        ProcessVariable.map(CaseVariables.MEDIATOR.with("anna")));
    bramsCase = runtimeService.startProcessInstanceByKey("test-mediator-task", "MED-TEST-0002",
        ProcessVariable.map(CaseVariables.MEDIATOR.with("bram")));
  }

  @AfterEach
  void removeCases() {
    repositoryService.deleteDeployment(deploymentId, true);
  }

  @Test
  void theRestApiRefusesAnonymousRequests() {
    assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.getForEntity("/engine-rest/process-instance", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.getForEntity("/api/me", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aWrongPasswordIsRefused() {
    // a user of its own: a failed login locks the account for a few seconds of the engine's clock, which the tests
    // hold still, so trying it on a demo account would refuse that account in every later test
    org.camunda.bpm.engine.identity.User probe = identityService.newUser("wrongpasswordprobe");
    probe.setPassword("right-password");
    identityService.saveUser(probe);
    try {
      assertThat(http.withBasicAuth("wrongpasswordprobe", "wrong").getForEntity("/engine-rest/task", String.class)
          .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    } finally {
      identityService.deleteUser(probe.getId());
    }
  }

  @Test
  void eachMediatorSeesExactlyTheTaskOfTheirOwnCase() {
    JsonNode annasTasks = get("anna", "/engine-rest/task?processDefinitionKey=test-mediator-task");
    JsonNode bramsTasks = get("bram", "/engine-rest/task?processDefinitionKey=test-mediator-task");
    assertThat(annasTasks).hasSize(1);
    assertThat(annasTasks.get(0).get("processInstanceId").asText()).isEqualTo(annasCase.getId());
    assertThat(bramsTasks).hasSize(1);
    assertThat(bramsTasks.get(0).get("processInstanceId").asText()).isEqualTo(bramsCase.getId());
  }

  @Test
  void mediatorsDoNotReadProcessInstancesTheSecretariatReadsAll() {
    assertThat(get("anna", "/engine-rest/process-instance?processDefinitionKey=test-mediator-task")).isEmpty();
    assertThat(ids(get("sanne", "/engine-rest/process-instance?processDefinitionKey=test-mediator-task")))
        .containsExactlyInAnyOrder(annasCase.getId(), bramsCase.getId());
    assertThat(get("sanne", "/engine-rest/task?processDefinitionKey=test-mediator-task")).hasSize(2);
    assertThat(get("sanne", "/engine-rest/history/process-instance?processDefinitionKey=test-mediator-task"))
        .hasSize(2);
  }

  @Test
  void theMyTasksFilterShowsAMediatorTheirOwnTask() {
    String myTasks = filterService.createFilterQuery().filterName(TaskFilters.MY_TASKS).singleResult().getId();
    JsonNode list = http.withBasicAuth("anna", "anna").postForObject("/engine-rest/filter/" + myTasks + "/list",
        new HttpEntity<>(Map.of("processDefinitionKey", "test-mediator-task"), jsonHeaders()), JsonNode.class);
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("processInstanceId").asText()).isEqualTo(annasCase.getId());
    String allOpen = filterService.createFilterQuery().filterName(TaskFilters.ALL_OPEN).singleResult().getId();
    assertThat(http.withBasicAuth("anna", "anna").getForEntity("/engine-rest/filter/" + allOpen, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("sanne", "/engine-rest/filter/" + allOpen + "/list?maxResults=100")).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void onlyDesignersAndAdministratorsCreateDeployments() {
    assertThat(deploy("anna").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(deploy("sanne").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> byDesigner = deploy("daan");
    assertThat(byDesigner.getStatusCode()).isEqualTo(HttpStatus.OK);
    repositoryService.deleteDeployment(byDesigner.getBody().get("id").asText(), true);
  }

  @Test
  void cockpitIsForTheSecretariatAndDesignersNotForMediators() {
    assertThat(webappLogin("cockpit", "anna")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(webappLogin("cockpit", "sanne")).isEqualTo(HttpStatus.OK);
    assertThat(webappLogin("cockpit", "daan")).isEqualTo(HttpStatus.OK);
    assertThat(webappLogin("tasklist", "anna")).isEqualTo(HttpStatus.OK);
    assertThat(webappLogin("tasklist", "daan")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(webappLogin("admin", "demo")).isEqualTo(HttpStatus.OK);
  }

  @Test
  void ourApiKnowsWhoIsSignedIn() {
    JsonNode me = http.withBasicAuth("anna", "anna").getForObject("/api/me", JsonNode.class);
    assertThat(me.get("id").asText()).isEqualTo("anna");
    assertThat(me.get("groups")).extracting(JsonNode::asText).containsExactly(StaffGroup.MEDIATORS.id());
  }

  private JsonNode get(String user, String path) {
    ResponseEntity<JsonNode> response = http.withBasicAuth(user, user).getForEntity(path, JsonNode.class);
    assertThat(response.getStatusCode()).as("GET %s as %s", path, user).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private static HttpHeaders jsonHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }

  private static List<String> ids(JsonNode list) {
    return list.findValuesAsText("id");
  }

  private ResponseEntity<JsonNode> deploy(String user) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", "by-" + user);
    form.add("data", new ClassPathResource("test-models/mediator-task.bpmn"));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth(user, user)
        .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), JsonNode.class);
  }

  /** Logs in as the browser does: open the app for a session and CSRF cookie, then post the login form. */
  private HttpStatus webappLogin(String app, String user) {
    ResponseEntity<String> page = http.getForEntity("/camunda/app/" + app + "/default/", String.class);
    List<String> cookies = page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
        .map(cookie -> cookie.substring(0, cookie.indexOf(';')))
        .toList();
    String csrfToken = cookies.stream().filter(cookie -> cookie.startsWith("XSRF-TOKEN="))
        .map(cookie -> cookie.substring("XSRF-TOKEN=".length())).findFirst().orElseThrow();
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", user);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.add(HttpHeaders.COOKIE, String.join("; ", cookies));
    headers.add("X-XSRF-TOKEN", csrfToken);
    return HttpStatus.valueOf(http.postForEntity("/camunda/api/admin/auth/user/default/login/" + app,
        new HttpEntity<>(form, headers), String.class).getStatusCode().value());
  }
}
