package nl.mediatafel.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import nl.mediatafel.i18n.MessagesConfiguration;
import nl.mediatafel.web.LocaleConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.mock.mockito.MockBean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The 400 of {@code GET /api/cases} for a bad parameter, in a web slice: only the controller, our problem+json
 * rendering, the message files and the locale resolver, with the case list itself a mock (its access rule passes).
 * Which parameter is wrong and how the problem reads is the controller's and the query's business alone; who may
 * call and what a caller sees are proved over HTTP on the whole application in {@code CaseListTest}.
 */
@WebMvcTest(controllers = CaseListController.class, excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
    pattern = "nl\\.mediatafel\\.cases\\..*"))
@AutoConfigureMockMvc(addFilters = false)
@Import({MessagesConfiguration.class, LocaleConfiguration.class})
class CaseListQuerySliceTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired MockMvc mvc;
  @MockBean CaseList list;

  @Test
  void badParametersAreA400NamingEachParameter() throws Exception {
    assertThat(badFields("page=-1")).containsExactly("page");
    assertThat(badFields("page=first")).containsExactly("page");
    assertThat(badFields("size=201")).containsExactly("size");
    assertThat(badFields("size=10000")).containsExactly("size");
    assertThat(badFields("size=0")).containsExactly("size");
    assertThat(badFields("status=WAITING")).containsExactly("status");
    assertThat(badFields("route=CARRIER_PIGEON")).containsExactly("route");
    assertThat(badFields("sort=deadline")).containsExactly("sort");
    assertThat(badFields("openedFrom=2026-13-01")).containsExactly("openedFrom");
    assertThat(badFields("openedTo=gisteren")).containsExactly("openedTo");
    assertThat(badFields("openedFrom=2026-12-02&openedTo=2026-12-01")).containsExactly("openedTo");
    assertThat(badFields("page=-1&size=500&sort=x")).containsExactlyInAnyOrder("page", "size", "sort");

    MockHttpServletResponse csv = mvc.perform(get("/api/cases?size=500").accept("text/csv")).andReturn()
        .getResponse();
    assertThat(csv.getStatus()).isEqualTo(400);
    assertThat(csv.getContentType()).startsWith("application/problem+json");
    assertThat(JSON.readTree(csv.getContentAsString()).get("errors").findValuesAsText("field")).containsExactly("size");

    MockHttpServletResponse english = mvc.perform(get("/api/cases?sort=x").accept("application/json")
        .header("Accept-Language", "en")).andReturn().getResponse();
    assertThat(JSON.readTree(english.getContentAsString()).get("title").asText()).isEqualTo("Invalid query");
    assertThat(english.getContentAsString()).doesNotContain("Exception");
  }

  private List<String> badFields(String query) throws Exception {
    MockHttpServletResponse response = mvc.perform(get("/api/cases?" + query).accept("application/json"))
        .andReturn().getResponse();
    assertThat(response.getStatus()).as(query).isEqualTo(400);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(problem.get("title").asText()).isEqualTo("Ongeldige zoekvraag");
    List<String> fields = problem.get("errors").findValuesAsText("field");
    assertThat(problem.get("detail").asText()).contains(fields);
    return fields;
  }
}
