package nl.mediatafel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import nl.mediatafel.cases.MediationCaseRepository;
import nl.mediatafel.platform.MediatafelTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * What {@link ApiProblems} answers for both public APIs alike, sent as raw HTTP where Spring's own client refuses to
 * send it. The field-by-field 400s are in {@code CaseApiTest} and {@code CoachingApiTest}.
 */
@MediatafelTest
class ApiProblemsTest {

  private static final Map<String, String> VALID_REQUESTS = Map.of(
      "/api/cases", """
          {"conflictType": "LABOUR", "summary": "Werktijden", "escalation": "LOW", "preferredRoute": "NO_PREFERENCE",
           "safetyConcern": false, "parties": [
             {"name": "A", "email": "a@example.nl", "language": "nl", "payer": "SELF"},
             {"name": "B", "email": "b@example.nl", "language": "nl", "payer": "SELF"}]}""",
      "/api/coaching", """
          {"conflictType": "NEIGHBOURS", "summary": "De schutting", "preferredForm": "ONLINE",
           "person": {"name": "P", "email": "p@example.nl", "language": "nl", "payer": "SELF"}}""");

  @Autowired MediationCaseRepository cases;
  @LocalServerPort int port;

  /** Spring refuses a wildcard Content-Type with an IllegalArgumentException while reading the body: was a 500. */
  @Test
  void aWildcardContentTypeIsAnUnsupportedMediaTypeAndNothingIsStored() throws Exception {
    long casesBefore = cases.count();
    for (var api : VALID_REQUESTS.entrySet()) {
      for (String contentType : new String[] {"*/*", "application/*"}) {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + api.getKey()))
                .header(HttpHeaders.CONTENT_TYPE, contentType)
                .POST(HttpRequest.BodyPublishers.ofString(api.getValue())).build(),
            HttpResponse.BodyHandlers.ofString());

        String call = api.getKey() + " " + contentType;
        assertThat(response.statusCode()).as(call).isEqualTo(415);
        assertThat(response.headers().firstValue(HttpHeaders.CONTENT_TYPE)).as(call)
            .hasValue(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(new ObjectMapper().readTree(response.body()).get("detail").asText()).as(call)
            .contains(contentType);
      }
    }
    assertThat(cases.count()).isEqualTo(casesBefore);
  }
}
