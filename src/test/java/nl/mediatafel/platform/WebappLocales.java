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
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Checks shared by the locale tests of the Camunda webapps (Tasklist, Cockpit, Admin): our Dutch nl.json is served
 * next to Camunda's en.json, has the same labels with the same placeholders, and config.js offers it.
 */
final class WebappLocales {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(.*?)\\s*}}");
  private static final Pattern PLACEHOLDER_OR_MARKUP = Pattern.compile("\\{\\{.*?}}|<[^>]*>|&[a-z]+;");
  /** Names, identifiers and loanwords that Dutch software uses unchanged. */
  private static final Pattern SAME_IN_DUTCH = Pattern.compile("(?i)\\b(ID|OK|null|BPMN|DMN|CMMN|DRD|CSV|JSON"
      + "|Camunda|Cockpit|Optimize|Process engine|Boolean|Double|Integer|Long|Short|String|Type|Operator|Status"
      + "|Filters?|Dashboard|Batch(es)?|Tenants?|Jobs?|Payload|Topic|Runtime|Endpoint|Heatmap|Element|Resource"
      + "|Account|Maximum|Minimum|Incident|weekend|Diagram|Criteria|Label)\\b");
  private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestRestTemplate http;
  private final String app;

  WebappLocales(TestRestTemplate http, String app) {
    this.http = http;
    this.app = app;
  }

  String config() {
    return fetch("/camunda/app/" + app + "/scripts/config.js");
  }

  JsonNode english() throws Exception {
    return parse(fetch("/camunda/app/" + app + "/locales/en.json"));
  }

  JsonNode dutch() throws Exception {
    return parse(fetch("/camunda/app/" + app + "/locales/nl.json"));
  }

  void assertOffersDutchWithEnglishFallback() {
    assertThat(config()).as(app + " config.js").contains("availableLocales: ['nl', 'en']", "fallbackLocale: 'en'");
  }

  /** Same labels and date locale fields as English; every Dutch label filled and with the English placeholders. */
  void assertDutchCovers(JsonNode english, JsonNode dutch) {
    assertThat(fieldNames(dutch.get("labels"))).isEqualTo(fieldNames(english.get("labels")));
    assertThat(fieldNames(dutch.get("dateLocales"))).isEqualTo(fieldNames(english.get("dateLocales")));

    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, JsonNode> label : english.get("labels").properties()) {
      String en = label.getValue().asText();
      String nl = dutch.get("labels").get(label.getKey()).asText();
      if (nl.isBlank()) {
        problems.add(label.getKey() + " is empty");
      }
      if (!placeholders(nl).equals(placeholders(en))) {
        problems.add(label.getKey() + " has placeholders " + placeholders(nl) + " instead of " + placeholders(en));
      }
    }
    assertThat(problems).as(app + " nl.json").isEmpty();
  }

  /**
   * The share of labels whose Dutch text is the English one, not counting labels without words to translate: only
   * placeholders, markup, symbols, or names and loanwords that Dutch keeps (Cockpit, BPMN, ID, Filter, Batch).
   */
  static double shareSameAsEnglish(JsonNode english, JsonNode dutch) {
    int words = 0;
    int same = 0;
    for (Map.Entry<String, JsonNode> label : english.get("labels").properties()) {
      String en = label.getValue().asText();
      String toTranslate = SAME_IN_DUTCH.matcher(PLACEHOLDER_OR_MARKUP.matcher(en).replaceAll("")).replaceAll("");
      if (!WORD.matcher(toTranslate).find()) {
        continue;
      }
      words++;
      if (en.equals(dutch.get("labels").get(label.getKey()).asText())) {
        same++;
      }
    }
    return words == 0 ? 0 : (double) same / words;
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
