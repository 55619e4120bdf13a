package nl.mediatafel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import nl.mediatafel.portal.PortalAction;
import org.junit.jupiter.api.Test;

/** The "Stuur e-mail" element template offers exactly the mails, roles and portal pages that exist. */
class SendEmailTemplateTest {

  private final JsonNode template = load();

  @Test
  void offersEveryMailThatExistsAndNoOther() {
    assertThat(choices("template")).isEqualTo(MailRenderer.designerTemplates());
  }

  @Test
  void offersOnlyRecipientRolesTheDelegateKnows() {
    choices("recipients").forEach(value ->
        Arrays.stream(value.split(",")).forEach(RecipientRole::fromModel));
    assertThat(choices("recipients")).contains(Arrays.stream(RecipientRole.values()).map(RecipientRole::modelValue)
        .toArray(String[]::new));
  }

  @Test
  void offersEveryPortalPage() {
    Set<String> pages = new TreeSet<>(choices("portalAction"));
    pages.remove("");
    assertThat(pages).isEqualTo(new TreeSet<>(Arrays.stream(PortalAction.values())
        .map(action -> action.name().toLowerCase(Locale.ROOT)).toList()));
  }

  private Set<String> choices(String parameter) {
    Set<String> values = new TreeSet<>();
    for (JsonNode property : template.path("properties")) {
      if (parameter.equals(property.path("binding").path("name").asText())) {
        property.path("choices").forEach(choice -> values.add(choice.path("value").asText()));
      }
    }
    assertThat(values).as("choices of %s", parameter).isNotEmpty();
    return values;
  }

  private static JsonNode load() {
    try {
      return new ObjectMapper().readTree(Path.of("processes/.camunda/element-templates/send-email.json").toFile())
          .get(0);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
