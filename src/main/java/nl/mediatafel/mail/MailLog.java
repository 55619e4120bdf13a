package nl.mediatafel.mail;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One mail in a case's mail log, which is also the outbox: a mail is stored {@link Status#QUEUED} with its rendered
 * bodies in the transaction that issued its link, and a delivery job marks it {@link Status#SENT} (or
 * {@link Status#CAPTURED}) with the message id. {@link Status#FAILED} is a mail whose last attempt failed; the job's
 * retries try it again. Once sent, the personal link's token is removed from the stored bodies: the token then exists
 * only in the recipient's mailbox.
 */
@Entity
@Table(name = "mail_log")
public class MailLog {

  public enum Status {
    /** stored with its link, waiting for the delivery job */
    QUEUED,
    /** kept in the outbox page instead of sent (default profile) */
    CAPTURED,
    /** accepted by the mail server */
    SENT,
    /** the last attempt failed; a retry of the delivery job tries again */
    FAILED;

    /** Not yet delivered: what a delivery job (or its retry) still has to send. */
    static final java.util.List<Status> PENDING = java.util.List.of(QUEUED, FAILED);
  }

  private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("/portal/[A-Za-z0-9_-]{20,}");

  @Id
  private UUID id;
  private String caseNumber;
  private String recipientName;
  private String recipientEmail;
  @Enumerated(EnumType.STRING)
  private RecipientRole recipientRole;
  private String template;
  private String language;
  private String subject;
  @Enumerated(EnumType.STRING)
  private Status status;
  private String messageId;
  private String attachments;
  private String error;
  private String htmlBody;
  private String textBody;
  private Instant createdAt;
  private UUID batchId;
  private int attempts;
  private Instant deliveredAt;

  protected MailLog() {}

  /** A mail queued for delivery, with everything needed to send it without the case's data. */
  MailLog(OutgoingMail mail, RenderedMail rendered, UUID batchId, Instant createdAt) {
    this(mail, rendered.subject(), Status.QUEUED, createdAt);
    this.batchId = batchId;
    this.htmlBody = rendered.html();
    this.textBody = rendered.text();
  }

  private MailLog(OutgoingMail mail, String subject, Status status, Instant createdAt) {
    this.id = UUID.randomUUID();
    this.caseNumber = mail.caseNumber();
    this.recipientName = mail.recipient().name();
    this.recipientEmail = mail.recipient().email();
    this.recipientRole = mail.recipient().role();
    this.template = mail.template();
    this.language = mail.recipient().locale().getLanguage();
    this.subject = subject;
    this.status = status;
    this.attachments = String.join(", ", mail.attachments().stream().map(Attachment::fileName).toList());
    this.createdAt = createdAt;
  }

  /** Delivered now; a sent mail keeps its bodies without the link's token, a captured one keeps the link. */
  void delivered(Status status, String messageId, Instant at) {
    this.status = status;
    this.messageId = messageId;
    this.deliveredAt = at;
    this.attempts++;
    this.error = null;
    if (status == Status.SENT) {
      this.htmlBody = withoutToken(htmlBody);
      this.textBody = withoutToken(textBody);
    }
  }

  void failed(String error) {
    this.status = Status.FAILED;
    this.attempts++;
    this.error = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
  }

  static String withoutToken(String body) {
    return body == null ? null : TOKEN.matcher(body).replaceAll("/portal/…");
  }

  public boolean isPending() {
    return Status.PENDING.contains(status);
  }

  public UUID getId() {
    return id;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public String getRecipientName() {
    return recipientName;
  }

  public String getRecipientEmail() {
    return recipientEmail;
  }

  public RecipientRole getRecipientRole() {
    return recipientRole;
  }

  public String getTemplate() {
    return template;
  }

  public String getLanguage() {
    return language;
  }

  public String getSubject() {
    return subject;
  }

  public Status getStatus() {
    return status;
  }

  public String getMessageId() {
    return messageId;
  }

  public String getAttachments() {
    return attachments;
  }

  public String getError() {
    return error;
  }

  public String getHtmlBody() {
    return htmlBody;
  }

  public String getTextBody() {
    return textBody;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public UUID getBatchId() {
    return batchId;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getDeliveredAt() {
    return deliveredAt;
  }
}
