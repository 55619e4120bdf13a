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
 * ({@code MEDIATION_AGREEMENT} means the current version, which after signing is the signed version); with the
 * prefix {@value #SIGNED} the stored signed version of that document is attached ({@code signed:${settlementDocumentId}}
 * gives the version with the signature page, never the draft). The signing process stores it when the last signature
 * comes in; for a document signed before that existed it is stored here, from the recorded signatures. Only documents
 * of the mail's own case are attached, so a mistyped id can never send another case's document.
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
      StoredDocument attached = signed && !document.isSigned() ? signedVersion(document) : document;
      attachments.add(new Attachment(attached.fileName(), "application/pdf", attached.content()));
    }
    return attachments;
  }

  private StoredDocument signedVersion(StoredDocument original) {
    return documents.signedVersionOf(original.id()).orElseGet(() -> {
      List<SignatureLine> lines = signatures.linesFor(original);
      if (lines.isEmpty()) {
        throw new IllegalArgumentException("Case " + original.caseNumber() + ": nobody signed document "
            + original.id() + " (" + original.documentType() + " version " + original.version() + ")");
      }
      return documents.storeSigned(original.id(), lines);
    });
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
