package nl.mediatafel.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A file of a queued or sent mail, kept as the recipient got it (a {@code bytea} column, see 010-documents). */
@Entity
@Table(name = "mail_attachment")
class MailAttachment {

  @Id
  private UUID id;
  private UUID mailId;
  private int position;
  private String fileName;
  private String contentType;
  @JdbcTypeCode(SqlTypes.VARBINARY)
  @Column(name = "content")
  private byte[] content;

  protected MailAttachment() {}

  MailAttachment(UUID mailId, int position, Attachment attachment) {
    this.id = UUID.randomUUID();
    this.mailId = mailId;
    this.position = position;
    this.fileName = attachment.fileName();
    this.contentType = attachment.contentType();
    this.content = attachment.content().clone();
  }

  UUID getId() {
    return id;
  }

  public int getPosition() {
    return position;
  }

  public String getFileName() {
    return fileName;
  }

  public String getContentType() {
    return contentType;
  }

  public int getSize() {
    return content.length;
  }

  Attachment toAttachment() {
    return new Attachment(fileName, contentType, content.clone());
  }
}
