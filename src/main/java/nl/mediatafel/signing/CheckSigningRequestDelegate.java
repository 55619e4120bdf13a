package nl.mediatafel.signing;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.mediatafel.cases.CaseDirectory;
import nl.mediatafel.cases.Party;
import nl.mediatafel.documents.DocumentService;
import nl.mediatafel.documents.StoredDocument;
import nl.mediatafel.process.FormRefusal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${checkSigningRequest}}, the first step of the signing process: refuses a request that cannot end well
 * before any mail goes out. The document ({@code documentId}) must be the current version of its type
 * ({@code documentType}) in this case (the business key); the signers ({@code partyIds}) at least one, each once, each
 * an active party of the case. An empty list would otherwise count as "everyone signed".
 *
 * <p>Also sets {@code caseNumber} (the business key) for the follow-up form.
 */
@Component("checkSigningRequest")
class CheckSigningRequestDelegate implements JavaDelegate {

  private final DocumentService documents;
  private final CaseDirectory caseDirectory;

  CheckSigningRequestDelegate(DocumentService documents, CaseDirectory caseDirectory) {
    this.documents = documents;
    this.caseDirectory = caseDirectory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = execution.getBusinessKey();
    if (caseNumber == null || caseNumber.isBlank()) {
      throw refused("no-business-key");
    }
    checkDocument(caseNumber, SigningProcess.DOCUMENT_ID.required(execution),
        SigningProcess.DOCUMENT_TYPE.required(execution));
    checkSigners(caseNumber, SigningProcess.PARTY_IDS.required(execution));
    SigningProcess.CASE_NUMBER.set(execution.getProcessInstance(), caseNumber);
  }

  private void checkDocument(String caseNumber, String documentId, String documentType) {
    StoredDocument document = documents.find(uuid(documentId, "documentId"))
        .filter(found -> found.caseNumber().equals(caseNumber))
        .orElseThrow(() -> refused("unknown-document", caseNumber, documentId));
    if (!document.documentType().equals(documentType)) {
      throw refused("wrong-document-type", documentId, document.documentType(), documentType);
    }
    if (!document.isCurrent()) {
      throw refused("superseded-document", documentId, document.version());
    }
  }

  private void checkSigners(String caseNumber, List<?> partyIds) {
    if (partyIds.isEmpty()) {
      throw refused("no-signers");
    }
    Map<UUID, Party> ofCase = caseDirectory.parties(caseNumber).stream()
        .collect(Collectors.toMap(Party::getId, Function.identity()));
    Set<UUID> seen = new HashSet<>();
    for (Object value : partyIds) {
      if (!(value instanceof String text)) {
        throw refused("party-id-not-text", value);
      }
      UUID partyId = uuid(text, "partyIds");
      if (!seen.add(partyId)) {
        throw refused("party-twice", text);
      }
      Party party = ofCase.get(partyId);
      if (party == null) {
        throw refused("not-a-party", text, caseNumber);
      }
      if (!party.isActive()) {
        throw refused("party-withdrew", text, caseNumber);
      }
    }
  }

  private static UUID uuid(String text, String variable) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw refused("invalid-id", variable, text);
    }
  }

  private static FormRefusal refused(String problem, Object... arguments) {
    return new FormRefusal("signing-start." + problem, arguments);
  }
}
