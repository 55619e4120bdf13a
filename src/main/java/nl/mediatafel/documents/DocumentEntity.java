package nl.mediatafel.documents;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of {@code document} (changeset 010-documents). Kept inside this package: callers get the immutable
 * {@link StoredDocument}, so nobody outside can change a stored PDF or its hash.
 */
@Entity
@Table(name = "document")
class DocumentEntity {

  @Id
  private UUID id;
  private String caseNumber;
  private String documentType;
  private int version;
  private String template;
  private String language;
  /**
   * The PDF, in a {@code bytea} column: BYTEA on PostgreSQL, BINARY VARYING on H2; both are what Hibernate expects
   * for VARBINARY. (Liquibase's {@code blob} would be an {@code oid} large object on PostgreSQL, and {@code @Lob}
   * would make Hibernate expect one.)
   */
  @JdbcTypeCode(SqlTypes.VARBINARY)
  @Column(name = "content")
  private byte[] content;
  @JdbcTypeCode(SqlTypes.CHAR)
  @Column(name = "sha256", length = 64)
  private String sha256;
  private Instant createdAt;
  private Instant supersededAt;
  /** Signed version only: the version that was signed (changeset 185-signed-documents). */
  private UUID signedFrom;

  protected DocumentEntity() {}

  DocumentEntity(String caseNumber, String documentType, int version, String template, String language,
      byte[] content, String sha256, Instant createdAt) {
    this.id = UUID.randomUUID();
    this.caseNumber = caseNumber;
    this.documentType = documentType;
    this.version = version;
    this.template = template;
    this.language = language;
    this.content = content.clone();
    this.sha256 = sha256;
    this.createdAt = createdAt;
  }

  /** The signed version of {@code original}: its pages and the signature page, as the next version. */
  static DocumentEntity signed(StoredDocument original, int version, byte[] content, String sha256,
      Instant createdAt) {
    DocumentEntity signed = new DocumentEntity(original.caseNumber(), original.documentType(), version,
        original.template(), original.language(), content, sha256, createdAt);
    signed.signedFrom = original.id();
    return signed;
  }

  void supersede(Instant at) {
    if (supersededAt == null) {
      supersededAt = at;
    }
  }

  StoredDocument toStoredDocument() {
    return new StoredDocument(id, caseNumber, documentType, version, template, language, sha256, createdAt,
        supersededAt, content, signedFrom);
  }

  UUID getId() {
    return id;
  }

  String getCaseNumber() {
    return caseNumber;
  }

  String getDocumentType() {
    return documentType;
  }

  int getVersion() {
    return version;
  }

  Instant getSupersededAt() {
    return supersededAt;
  }
}
