package nl.mediatafel.documents;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A generated PDF as stored: one version of one document type of one case.
 *
 * <p>The PDF bytes are copied in and out, so a stored document cannot be changed after its hash was taken. Equality
 * compares the bytes, and {@link #toString()} leaves them out of logs.
 *
 * @param id the document id; process variables hold it as a String
 * @param version 1 for the first document of its case and type, counting up
 * @param template the template it was made from ({@code templates/documents/<template>.html})
 * @param language the language tag of its texts ({@code nl}, {@code en})
 * @param sha256 lower-case hex SHA-256 of {@link #content()}
 * @param supersededAt when a newer version replaced it; {@code null} for the current version
 * @param signedFrom for a signed version: the id of the version everyone signed, whose pages it starts with;
 *     {@code null} for a generated document
 */
public record StoredDocument(UUID id, String caseNumber, String documentType, int version, String template,
    String language, String sha256, Instant createdAt, Instant supersededAt, byte[] content, UUID signedFrom) {

  public StoredDocument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(content, "content");
    content = content.clone();
  }

  /** A generated (not signed) document. */
  public StoredDocument(UUID id, String caseNumber, String documentType, int version, String template,
      String language, String sha256, Instant createdAt, Instant supersededAt, byte[] content) {
    this(id, caseNumber, documentType, version, template, language, sha256, createdAt, supersededAt, content, null);
  }

  /** Whether this is the signed version of another: its pages plus the signature page. */
  public boolean isSigned() {
    return signedFrom != null;
  }

  /** A copy of the PDF bytes. */
  @Override
  public byte[] content() {
    return content.clone();
  }

  public Locale locale() {
    return Locale.forLanguageTag(language);
  }

  public boolean isCurrent() {
    return supersededAt == null;
  }

  public Optional<Instant> superseded() {
    return Optional.ofNullable(supersededAt);
  }

  /**
   * A file name for downloads and mail attachments, e.g. {@code MED-2026-0042-mediation-agreement-v2.pdf}, or
   * {@code MED-2026-0042-mediation-agreement-v3-signed.pdf} for a signed version.
   */
  public String fileName() {
    return caseNumber + "-" + documentType.toLowerCase(Locale.ROOT).replace('_', '-') + "-v" + version
        + (isSigned() ? "-signed" : "") + ".pdf";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StoredDocument that
        && version == that.version
        && id.equals(that.id)
        && Objects.equals(caseNumber, that.caseNumber)
        && Objects.equals(documentType, that.documentType)
        && Objects.equals(template, that.template)
        && Objects.equals(language, that.language)
        && Objects.equals(sha256, that.sha256)
        && Objects.equals(createdAt, that.createdAt)
        && Objects.equals(supersededAt, that.supersededAt)
        && Objects.equals(signedFrom, that.signedFrom)
        && Arrays.equals(content, that.content);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, version, sha256);
  }

  @Override
  public String toString() {
    return "StoredDocument[id=" + id + ", caseNumber=" + caseNumber + ", documentType=" + documentType
        + ", version=" + version + ", template=" + template + ", language=" + language + ", sha256=" + sha256
        + ", createdAt=" + createdAt + ", supersededAt=" + supersededAt + ", signedFrom=" + signedFrom + ", content=" + content.length + " bytes]";
  }
}
