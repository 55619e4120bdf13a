package nl.mediatafel.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import nl.mediatafel.platform.MediatafelTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a browser gets on a staff page it may not see or that does not exist, and what an API client gets there: over
 * HTTP, as a browser (Accept: text/html, Accept-Language) and as a JSON client ask.
 */
@MediatafelTest
class StaffErrorPagesTest {

  private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  @LocalServerPort int port;

  private final HttpClient client = HttpClient.newHttpClient(); // follows no redirects

  @Test
  void aMissingStaffPageIsADutchPageInTheStaffLayoutWithTheWayOn() throws Exception {
    HttpResponse<String> page = get("sanne", "/outbox/00000000-0000-0000-0000-000000000000", HTML, "nl-NL,nl;q=0.9");

    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(page.body()).contains("<html lang=\"nl\"", "Deze pagina bestaat niet", "class=\"site-header\"",
        "href=\"/camunda/app/tasklist/default/\"", "Foutcode 404").doesNotContain("Whitelabel");
  }

  @Test
  void aRefusedStaffPageSaysSoInEnglishWhenTheBrowserAsksForEnglish() throws Exception {
    HttpResponse<String> page = get("anna", "/outbox", HTML, "en-GB,en;q=0.9");

    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).contains("<html lang=\"en\"", "You have no access to this page",
        "href=\"/camunda/app/welcome/default/#!/login\"").doesNotContain("Whitelabel");
  }

  @Test
  void aJsonClientKeepsGettingJson() throws Exception {
    HttpResponse<String> staffPage = get("sanne", "/outbox/00000000-0000-0000-0000-000000000000",
        "application/json", null);
    assertThat(staffPage.statusCode()).isEqualTo(404);
    assertThat(staffPage.headers().firstValue("Content-Type").orElseThrow()).contains("json");
    assertThat(staffPage.body()).contains("\"status\":404").doesNotContain("<html");

    HttpResponse<String> api = get("sanne", "/api/cases/MED-1999-0001", "application/json", null);
    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
  }

  @Test
  void anAnonymousBrowserIsSentToTheCamundaLoginWhileApiClientsGet401() throws Exception {
    HttpResponse<String> page = get(null, "/cases", HTML, "nl");
    assertThat(page.statusCode()).isEqualTo(302);
    String login = page.headers().firstValue("Location").orElseThrow();
    assertThat(URI.create("http://localhost:" + port).resolve(login).getPath()).isEqualTo("/camunda/app/welcome/default/");
    assertThat(login).endsWith("/camunda/app/welcome/default/#!/login");
    assertThat(get(null, "/camunda/app/welcome/default/", HTML, "nl").statusCode()).as("the login answers")
        .isEqualTo(200);

    assertThat(get(null, "/cases", "application/json", null).statusCode()).isEqualTo(401);
    assertThat(get(null, "/outbox", null, null).statusCode()).as("no Accept: a script").isEqualTo(401);
    assertThat(get(null, "/api/cases", HTML, "nl").statusCode()).as("the API never redirects").isEqualTo(401);
    assertThat(get(null, "/engine-rest/task", HTML, "nl").statusCode()).isEqualTo(401);
  }

  private HttpResponse<String> get(String user, String path, String accept, String language) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
    if (accept != null) {
      request.header("Accept", accept);
    }
    if (language != null) {
      request.header("Accept-Language", language);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
