package nl.mediatafel.signing;

import java.util.List;
import java.util.UUID;
import nl.mediatafel.documents.DocumentService;
import nl.mediatafel.documents.SignatureLine;
import nl.mediatafel.documents.SignatureLineSource;
import nl.mediatafel.documents.StoredDocument;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${storeSignedDocument}}, when every signer has signed (portal or paper): stores the signed version of the
 * document ({@link DocumentService#storeSigned}: the original's pages and a signature page listing every signature
 * and the original's SHA-256) as the next version, and writes its id to {@code signedDocumentId} for the caller.
 * From then on the signed version is the current one: what mails attach and what the dossier and portal show.
 *
 * <p>Runs in the transaction of the last signature (no {@code asyncBefore}): it only writes our own table, has no
 * outside side effect, and a failure rolls that last step back instead of ending the signing without a signed
 * version. Idempotent: a signed version that exists is returned unchanged.
 */
@Component("storeSignedDocument")
class StoreSignedDocumentDelegate implements JavaDelegate {

  private final DocumentService documents;
  private final SignatureLineSource lines;

  StoreSignedDocumentDelegate(DocumentService documents, SignatureLineSource lines) {
    this.documents = documents;
    this.lines = lines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String documentId = SigningProcess.DOCUMENT_ID.from(execution)
        .orElseThrow(() -> new ProcessEngineException("Geen documentId om de ondertekende versie van te maken"));
    StoredDocument original = documents.find(UUID.fromString(documentId))
        .filter(document -> document.caseNumber().equals(execution.getProcessBusinessKey()))
        .orElseThrow(() -> new ProcessEngineException("Zaak " + execution.getProcessBusinessKey()
            + " heeft geen document " + documentId));
    List<SignatureLine> signatures = lines.linesFor(original);
    if (signatures.isEmpty()) {
      throw new ProcessEngineException("Niemand heeft document " + documentId + " ondertekend");
    }
    StoredDocument signed = documents.storeSigned(original.id(), signatures);
    SigningProcess.SIGNED_DOCUMENT_ID.set(execution.getProcessInstance(), signed.id().toString());
  }
}
