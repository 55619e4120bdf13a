package nl.mediatafel.documents;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import nl.mediatafel.mail.Attachment;
import nl.mediatafel.mail.AttachmentSource;
import org.springframework.stereotype.Component;

/**
 * Resolves a {@code sendEmail} task's {@code attachments} parameter: comma-separated document ids or document types
 * ({@code MEDIATION_AGREEMENT} means the current version); with the prefix {@value #SIGNED} the document comes with its
 * signature page ({@code signed:${settlementDocumentId}}). Only documents of the mail's own case are attached, so a
 * mistyped id can never send another case's document.
 */
@Component
class DocumentAttachments implements AttachmentSource {

  static final String SIGNED = "signed:";

  private final DocumentService documents;
  private final SignatureLineSource signatures;

  DocumentAttachments(DocumentService documents, SignatureLineSource signatures) {
    this.documents = documents;
    this.signatures = signatures;
  }

  @Override
  public List<Attachment> resolve(String caseNumber, String specification) {
    List<Attachment> attachments = new ArrayList<>();
    for (String entry : Arrays.stream(specification.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList()) {
      boolean signed = entry.startsWith(SIGNED);
      String token = signed ? entry.substring(SIGNED.length()).trim() : entry;
      StoredDocument document = (isUuid(token) ? documents.find(UUID.fromString(token))
          : documents.current(caseNumber, token))
          .filter(found -> found.caseNumber().equals(caseNumber))
          .orElseThrow(() -> new IllegalArgumentException("Case " + caseNumber + " has no document '" + token + "'"));
      byte[] content = signed ? documents.renderSigned(document.id(), signatures.linesFor(document)) : document.content();
      attachments.add(new Attachment(document.fileName(), "application/pdf", content));
    }
    return attachments;
  }

  private static boolean isUuid(String token) {
    try {
      UUID.fromString(token);
      return token.length() == 36;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
