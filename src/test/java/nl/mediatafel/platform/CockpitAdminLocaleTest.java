package nl.mediatafel.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Cockpit (secretariat, designers) and Admin speak Dutch like the Tasklist: our nl.json is served next to Camunda's
 * en.json, covers every one of its labels with the same placeholders, and is really Dutch, not English copied.
 */
@MediatafelTest
class CockpitAdminLocaleTest {

  @Autowired TestRestTemplate http;

  @ParameterizedTest
  @CsvSource({"cockpit", "admin"})
  void offersDutchWithEnglishFallback(String app) {
    new WebappLocales(http, app).assertOffersDutchWithEnglishFallback();
  }

  @ParameterizedTest
  @CsvSource({"cockpit, 2460", "admin, 575"})
  void dutchCoversEveryEnglishLabelWithTheSamePlaceholders(String app, int labelsIn724) throws Exception {
    WebappLocales locales = new WebappLocales(http, app);
    JsonNode english = locales.english();
    JsonNode dutch = locales.dutch();

    assertThat(english.get("labels").size()).as("labels in Camunda 7.24's " + app + " en.json").isEqualTo(labelsIn724);
    locales.assertDutchCovers(english, dutch);
    assertThat(WebappLocales.shareSameAsEnglish(english, dutch)).as(app + " labels left in English").isLessThan(0.05);
  }
}
