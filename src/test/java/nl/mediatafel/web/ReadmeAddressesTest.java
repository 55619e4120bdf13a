package nl.mediatafel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.mediatafel.platform.MediatafelTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every address in the README's table answers, after the redirects a browser follows (a staff login where it needs one);
 * the pages of a case need a demo case, which the tests do not create.
 */
@MediatafelTest
class ReadmeAddressesTest {

  private static final Pattern ROW = Pattern.compile("^\\| http://localhost:8080(/\\S*) \\|", Pattern.MULTILINE);

  @LocalServerPort int port;

  @Test
  void everyAddressOfTheReadmeTableAnswers() throws Exception {
    Matcher rows = ROW.matcher(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8));
    List<String> paths = new ArrayList<>();
    while (rows.find()) {
      paths.add(rows.group(1));
    }
    assertThat(paths).contains("/engine-rest/version", "/outbox", "/cases");
    HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    for (String path : paths.stream().filter(path -> !path.contains("MED-")).toList()) {
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("sanne:sanne".getBytes()))
          .header("Accept", "text/html,application/json;q=0.9,*/*;q=0.8").GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
    }
  }
}
