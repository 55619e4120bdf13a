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
 * ({@code MEDIATION_AGREEMENT} means the current version). Only documents of the mail's own case are attached, so a
 * mistyped id can never send another case's document.
 */
@Component
class DocumentAttachments implements AttachmentSource {

  private final DocumentService documents;

  DocumentAttachments(DocumentService documents) {
    this.documents = documents;
  }

  @Override
  public List<Attachment> resolve(String caseNumber, String specification) {
    List<Attachment> attachments = new ArrayList<>();
    for (String token : Arrays.stream(specification.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList()) {
      StoredDocument document = (isUuid(token) ? documents.find(UUID.fromString(token))
          : documents.current(caseNumber, token))
          .filter(found -> found.caseNumber().equals(caseNumber))
          .orElseThrow(() -> new IllegalArgumentException("Case " + caseNumber + " has no document '" + token + "'"));
      attachments.add(new Attachment(document.fileName(), "application/pdf", document.content()));
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
