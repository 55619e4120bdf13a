package nl.mediatafel.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The Tasklist speaks Dutch: our nl.json is served next to Camunda's en.json and covers every one of its labels. */
@MediatafelTest
class TasklistLocaleTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(.*?)\\s*}}");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;

  @Test
  void tasklistOffersDutchWithEnglishFallback() {
    String config = fetch("/camunda/app/tasklist/scripts/config.js");
    assertThat(config).contains("availableLocales: ['nl', 'en']", "fallbackLocale: 'en'");
  }

  @Test
  void dutchCoversEveryEnglishLabelWithTheSamePlaceholders() throws Exception {
    JsonNode english = parse(fetch("/camunda/app/tasklist/locales/en.json"));
    JsonNode dutch = parse(fetch("/camunda/app/tasklist/locales/nl.json"));

    assertThat(english.get("labels").size()).as("labels in Camunda 7.24's en.json").isEqualTo(412);
    assertThat(fieldNames(dutch.get("labels"))).isEqualTo(fieldNames(english.get("labels")));
    assertThat(fieldNames(dutch.get("dateLocales"))).isEqualTo(fieldNames(english.get("dateLocales")));

    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, JsonNode> label : english.get("labels").properties()) {
      String nl = dutch.get("labels").get(label.getKey()).asText();
      if (nl.isBlank()) {
        problems.add(label.getKey() + " is empty");
      }
      if (!placeholders(nl).equals(placeholders(label.getValue().asText()))) {
        problems.add(label.getKey() + " has placeholders " + placeholders(nl) + " instead of "
            + placeholders(label.getValue().asText()));
      }
    }
    assertThat(problems).isEmpty();
  }

  private String fetch(String path) {
    ResponseEntity<String> response = http.getForEntity(path, String.class);
    assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  /** Camunda's en.json starts with a UTF-8 byte-order mark. */
  private static JsonNode parse(String text) throws Exception {
    return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
  }

  private static TreeSet<String> fieldNames(JsonNode node) {
    TreeSet<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static TreeSet<String> placeholders(String text) {
    TreeSet<String> found = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1).replaceAll("\\s", ""));
    }
    return found;
  }
}
