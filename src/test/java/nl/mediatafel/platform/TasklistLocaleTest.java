package nl.mediatafel.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The Tasklist speaks Dutch: our nl.json is served next to Camunda's en.json and covers every one of its labels. */
@MediatafelTest
class TasklistLocaleTest {

  @Autowired TestRestTemplate http;

  @Test
  void tasklistOffersDutchWithEnglishFallback() {
    new WebappLocales(http, "tasklist").assertOffersDutchWithEnglishFallback();
  }

  @Test
  void dutchCoversEveryEnglishLabelWithTheSamePlaceholders() throws Exception {
    WebappLocales tasklist = new WebappLocales(http, "tasklist");
    JsonNode english = tasklist.english();

    assertThat(english.get("labels").size()).as("labels in Camunda 7.24's en.json").isEqualTo(412);
    JsonNode dutch = tasklist.dutch();
    tasklist.assertDutchCovers(english, dutch);
    assertThat(WebappLocales.shareSameAsEnglish(english, dutch)).as("tasklist labels left in English").isLessThan(0.05);
  }
}
