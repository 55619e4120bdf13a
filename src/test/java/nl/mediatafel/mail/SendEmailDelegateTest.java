package nl.mediatafel.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.camunda.community.mockito.delegate.DelegateExecutionFake;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.ObjectProvider;

/** The delegate's handling of its input parameters, without an engine (collaborators are mocked). */
class SendEmailDelegateTest {

  private static final String CASE = "MED-2026-0042";
  private static final UUID PARTY = UUID.randomUUID();

  private final MailGateway gateway = mock(MailGateway.class);
  private final RecipientDirectory directory = mock(RecipientDirectory.class);
  private final PersonalLinkSource links = mock(PersonalLinkSource.class);
  @SuppressWarnings("unchecked")
  private final ObjectProvider<AttachmentSource> noAttachments = mock(ObjectProvider.class);
  private final SendEmailDelegate delegate = new SendEmailDelegate(gateway, directory, links,
      new MailProperties(MailProperties.Delivery.SMTP, "noreply@mediatafel.example", "Praktijk Vrede"),
      noAttachments);

  {
    when(links.pages()).thenReturn(List.of("case", "intake", "sign", "forum"));
    when(links.tasklist()).thenReturn("https://mediatafel.example/camunda/app/tasklist/");
  }

  @Test
  void sendsOneMailPerRecipientWithAPersonalLink() {
    DelegateExecutionFake execution = execution("intake-invitation", "parties").withVariableLocal("portalAction",
        "intake");
    when(directory.resolve(eq(RecipientRole.PARTIES), eq(CASE), any())).thenReturn(List.of(
        new Recipient("Jan", "jan@example.nl", Locale.forLanguageTag("nl"), RecipientRole.PARTIES, PARTY)));
    when(links.issue(CASE, PARTY, false, "intake")).thenReturn(
        new PersonalLinkSource.IssuedLink("https://mediatafel.example/portal/abc/intake",
            Instant.parse("2026-12-24T10:00:00Z")));

    delegate.execute(execution);

    OutgoingMail mail = queued().get(0);
    assertThat(mail.caseNumber()).isEqualTo(CASE);
    assertThat(mail.template()).isEqualTo("intake-invitation");
    assertThat(mail.model()).containsEntry("link", "https://mediatafel.example/portal/abc/intake")
        .containsEntry("practiceName", "Praktijk Vrede")
        .containsEntry("recipientName", "Jan");
    assertThat((String) mail.model().get("linkExpiry")).contains("2026");
  }

  @Test
  void severalRolesAreSeparatedByCommas() {
    DelegateExecutionFake execution = execution("mediation-can-start", "mediator, secretariat");
    when(directory.resolve(eq(RecipientRole.MEDIATOR), eq(CASE), any())).thenReturn(List.of(staff("anna")));
    when(directory.resolve(eq(RecipientRole.SECRETARIAT), eq(CASE), any())).thenReturn(List.of(staff("sanne")));

    delegate.execute(execution);

    assertThat(queued()).as("one batch with both mails").hasSize(2).allSatisfy(mail ->
        assertThat(mail.model()).containsEntry("link", "https://mediatafel.example/camunda/app/tasklist/"));
  }

  @Test
  void aMissingOrUnknownParameterNamesTheParameterAndTheElement() {
    assertThatThrownBy(() -> delegate.execute(execution(null, "parties")))
        .hasMessageContaining("'template'").hasMessageContaining("serviceTask_mail");
    assertThatThrownBy(() -> delegate.execute(execution("intake-invitation", "everybody")))
        .hasMessageContaining("'recipients'").hasMessageContaining("everybody");
    assertThatThrownBy(() -> delegate.execute(execution("intake-invitation", "parties")
        .withVariableLocal("portalAction", "payment")))
        .hasMessageContaining("'portalAction'").hasMessageContaining("payment");
    assertThatThrownBy(() -> delegate.execute(execution("intake-invitation", "parties")
        .withVariableLocal("attachments", "MEDIATION_AGREEMENT")))
        .hasMessageContaining("'attachments'");
    verify(gateway, never()).queue(any(List.class));
  }

  /** The one batch the delegate queued. */
  @SuppressWarnings("unchecked")
  private List<OutgoingMail> queued() {
    ArgumentCaptor<List<OutgoingMail>> batch = ArgumentCaptor.forClass(List.class);
    verify(gateway, times(1)).queue(batch.capture());
    return batch.getValue();
  }

  private static DelegateExecutionFake execution(String template, String recipients) {
    DelegateExecutionFake execution = DelegateExecutionFake.of().withBusinessKey(CASE)
        .withCurrentActivityId("serviceTask_mail");
    if (template != null) {
      execution.withVariableLocal("template", template);
    }
    return execution.withVariableLocal("recipients", recipients);
  }

  private static Recipient staff(String id) {
    return new Recipient(id, id + "@mediatafel.example", Locale.forLanguageTag("nl"), RecipientRole.MEDIATOR, null);
  }
}
