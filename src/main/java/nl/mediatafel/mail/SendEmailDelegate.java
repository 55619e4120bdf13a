package nl.mediatafel.mail;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code camunda:delegateExpression="${sendEmail}"}: sends one mail to everyone in the given roles of the case (the
 * business key), each in their own language, with a personal portal link for parties and advisors when a
 * {@code portalAction} is set. Configured by input parameters (element template "Stuur e-mail"):
 * <ul>
 *   <li>{@value #TEMPLATE}: the mail, e.g. {@code intake-invitation} (see {@code i18n/mail_nl.properties})</li>
 *   <li>{@value #RECIPIENTS}: {@code parties}, {@code party}, {@code advisors}, {@code mediator}, {@code secretariat},
 *       or several separated by commas</li>
 *   <li>{@value #PORTAL_ACTION} (optional): {@code intake}, {@code sign}, {@code forum} or {@code case}</li>
 *   <li>{@value #DETAIL} (optional): a text for the mail, usually an expression such as {@code ${referralReason}}; a
 *       date (a deadline such as {@code ${settlementReviewDeadline}}) is written in the recipient's language</li>
 *   <li>{@value #ATTACHMENTS} (optional): document ids or a document type, e.g. {@code MEDIATION_AGREEMENT}</li>
 * </ul>
 * The mails and their links are queued together in the task's transaction (one batch, {@link MailGateway#queue});
 * the {@code mail-delivery} process sends them. Use it with {@code asyncBefore}, so that the task's own work (finding
 * the recipients, the documents) is retried on failure.
 */
@Component("sendEmail")
class SendEmailDelegate implements JavaDelegate {

  public static final String TEMPLATE = "template";
  public static final String RECIPIENTS = "recipients";
  public static final String PORTAL_ACTION = "portalAction";
  public static final String DETAIL = "detail";
  public static final String ATTACHMENTS = "attachments";

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private final MailGateway gateway;
  private final RecipientDirectory directory;
  private final PersonalLinkSource links;
  private final MailProperties mail;
  private final ObjectProvider<AttachmentSource> attachmentSource;

  SendEmailDelegate(MailGateway gateway, RecipientDirectory directory, PersonalLinkSource links, MailProperties mail,
      ObjectProvider<AttachmentSource> attachmentSource) {
    this.gateway = gateway;
    this.directory = directory;
    this.links = links;
    this.mail = mail;
    this.attachmentSource = attachmentSource;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String template = required(execution, TEMPLATE);
    if (!MailRenderer.designerTemplates().contains(template)) {
      throw misconfigured(execution, TEMPLATE, "unknown mail '" + template + "'; known: "
          + MailRenderer.designerTemplates());
    }
    List<RecipientRole> roles = roles(execution);
    String page = portalAction(execution);
    String caseNumber = execution.getBusinessKey();
    Object detail = execution.getVariableLocal(DETAIL);
    List<Attachment> attachments = attachments(execution, caseNumber);
    List<OutgoingMail> mails = new ArrayList<>();

    for (RecipientRole role : roles) {
      for (Recipient recipient : directory.resolve(role, caseNumber, execution)) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("recipientName", recipient.name());
        model.put("caseNumber", caseNumber);
        model.put("practiceName", mail.practiceName());
        model.put("detail", detailText(detail, recipient.locale()));
        if (recipient.partyId() != null && page != null) {
          PersonalLinkSource.IssuedLink link = links.issue(caseNumber, recipient.partyId(),
              role == RecipientRole.ADVISORS, page);
          model.put("link", link.url());
          model.put("linkExpiry", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
              .withLocale(recipient.locale()).withZone(AMSTERDAM).format(link.expiresAt()));
        } else if (recipient.partyId() == null && MailRenderer.hasAction(template)) {
          model.put("link", links.tasklist());
        }
        mails.add(new OutgoingMail(caseNumber, template, recipient, model,
            recipient.partyId() != null || role.isStaff() ? attachments : List.of()));
      }
    }
    gateway.queue(mails);
  }

  private List<RecipientRole> roles(DelegateExecution execution) {
    String value = required(execution, RECIPIENTS);
    try {
      return Arrays.stream(value.split(",")).filter(part -> !part.isBlank()).map(RecipientRole::fromModel).toList();
    } catch (IllegalArgumentException e) {
      throw misconfigured(execution, RECIPIENTS, e.getMessage());
    }
  }

  /** The portal page of the links, one of {@link PersonalLinkSource#pages()}; null when the mail has no link. */
  private String portalAction(DelegateExecution execution) {
    String value = optional(execution, PORTAL_ACTION);
    if (value == null) {
      return null;
    }
    String page = value.trim().toLowerCase(Locale.ROOT);
    if (!links.pages().contains(page)) {
      throw misconfigured(execution, PORTAL_ACTION, "unknown portal page '" + value + "'; known: " + links.pages());
    }
    return page;
  }

  private List<Attachment> attachments(DelegateExecution execution, String caseNumber) {
    String value = optional(execution, ATTACHMENTS);
    if (value == null) {
      return List.of();
    }
    AttachmentSource source = attachmentSource.getIfAvailable();
    if (source == null) {
      throw misconfigured(execution, ATTACHMENTS, "no document store is available for attachments");
    }
    try {
      return new ArrayList<>(source.resolve(caseNumber, value));
    } catch (IllegalArgumentException e) {
      throw misconfigured(execution, ATTACHMENTS, e.getMessage());
    }
  }


  private static String required(DelegateExecution execution, String parameter) {
    String value = optional(execution, parameter);
    if (value == null) {
      throw misconfigured(execution, parameter, "the input parameter is missing");
    }
    return value;
  }

  /** The detail as the recipient reads it: a date (a deadline) in their language and Dutch time, else the text. */
  private static String detailText(Object detail, java.util.Locale locale) {
    if (detail instanceof java.util.Date date) {
      return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
          .withLocale(locale).withZone(AMSTERDAM).format(date.toInstant());
    }
    return detail == null || detail.toString().isBlank() ? "" : detail.toString();
  }

  private static String optional(DelegateExecution execution, String parameter) {
    Object value = execution.getVariableLocal(parameter);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }

  private static ProcessEngineException misconfigured(DelegateExecution execution, String parameter, String problem) {
    return new ProcessEngineException("sendEmail in '" + execution.getCurrentActivityId() + "', input parameter '"
        + parameter + "': " + problem);
  }
}
