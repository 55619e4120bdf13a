package nl.mediatafel.mail;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One mail in a case's mail log. Bodies are kept for captured mail only (the outbox page shows them). */
@Entity
@Table(name = "mail_log")
public class MailLog {

  public enum Status { CAPTURED, SENT, FAILED }

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
  private String dedupeKey;
  private String attachments;
  private String error;
  private String htmlBody;
  private String textBody;
  private Instant createdAt;

  protected MailLog() {}

  MailLog(OutgoingMail mail, String subject, Status status, Instant createdAt) {
    this.id = UUID.randomUUID();
    this.caseNumber = mail.caseNumber();
    this.recipientName = mail.recipient().name();
    this.recipientEmail = mail.recipient().email();
    this.recipientRole = mail.recipient().role();
    this.template = mail.template();
    this.language = mail.recipient().locale().getLanguage();
    this.subject = subject;
    this.status = status;
    this.dedupeKey = mail.dedupeKey();
    this.attachments = String.join(", ", mail.attachments().stream().map(Attachment::fileName).toList());
    this.createdAt = createdAt;
  }

  MailLog delivered(String messageId) {
    this.messageId = messageId;
    return this;
  }

  MailLog withBodies(RenderedMail rendered) {
    this.htmlBody = rendered.html();
    this.textBody = rendered.text();
    return this;
  }

  MailLog failed(String error) {
    this.error = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
    return this;
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
}
