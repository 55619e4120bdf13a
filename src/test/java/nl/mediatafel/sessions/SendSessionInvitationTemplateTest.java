package nl.mediatafel.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import nl.mediatafel.mail.MailRenderer;
import nl.mediatafel.process.ElementTemplatesTest;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;

/**
 * The "Mail bijeenkomst met agenda-item" element template offers exactly the session mails that exist (the mail texts
 * {@code mail.session-*}), the ones the models use among them, and always runs asynchronously.
 */
class SendSessionInvitationTemplateTest {

  @Test
  void theMailDropdownListsExactlyTheSessionMailsThatExist() throws IOException {
    Set<String> sessionMails = new TreeSet<>(MailRenderer.knownTemplates().stream()
        .filter(name -> name.startsWith("session-")).toList());

    assertThat(sessionMails).contains("session-invitation", "session-reminder", "session-cancelled");
    assertThat(ElementTemplatesTest.choices(mail())).isEqualTo(sessionMails);
  }

  @Test
  void everyMailTheModelsSendWithThisDelegateIsOffered() throws IOException {
    var used = ElementTemplatesTest.modelInputValues(bean(), SendSessionInvitationDelegate.TEMPLATE);

    assertThat(used).isNotEmpty();
    assertThat(ElementTemplatesTest.choices(mail())).containsAll(used);
  }

  @Test
  void theTemplateCallsTheDelegateAlwaysAsynchronouslyWithOnlyTheMail() throws IOException {
    JsonNode template = template();
    assertThat(ElementTemplatesTest.binding(template, "property", "camunda:delegateExpression").path("value").asText())
        .isEqualTo("${" + bean() + "}");
    JsonNode async = ElementTemplatesTest.binding(template, "property", "camunda:asyncBefore");
    assertThat(async.path("value").asBoolean()).isTrue();
    assertThat(async.path("editable").asBoolean(true)).as("asyncBefore can be switched off").isFalse();
    assertThat(ElementTemplatesTest.inputParameters(template)).containsExactly(SendSessionInvitationDelegate.TEMPLATE);
    assertThat(mail().path("constraints").path("notEmpty").asBoolean()).isTrue();
    assertThat(ElementTemplatesTest.choices(mail())).contains(mail().path("value").asText());
  }

  private static JsonNode mail() throws IOException {
    return ElementTemplatesTest.binding(template(), "camunda:inputParameter", SendSessionInvitationDelegate.TEMPLATE);
  }

  private static JsonNode template() throws IOException {
    return ElementTemplatesTest.template("nl.mediatafel.sendSessionInvitation");
  }

  private static String bean() {
    return SendSessionInvitationDelegate.class.getAnnotation(Component.class).value();
  }
}
