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
import org.camunda.bpm.engine.ProcessEngineException;
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
      throw refused("de business key (het dossiernummer) ontbreekt; geef die door met camunda:in businessKey");
    }
    checkDocument(caseNumber, SigningProcess.DOCUMENT_ID.required(execution),
        SigningProcess.DOCUMENT_TYPE.required(execution));
    checkSigners(caseNumber, SigningProcess.PARTY_IDS.required(execution));
    SigningProcess.CASE_NUMBER.set(execution.getProcessInstance(), caseNumber);
  }

  private void checkDocument(String caseNumber, String documentId, String documentType) {
    StoredDocument document = documents.find(uuid(documentId, "documentId"))
        .filter(found -> found.caseNumber().equals(caseNumber))
        .orElseThrow(() -> refused("zaak " + caseNumber + " heeft geen document " + documentId));
    if (!document.documentType().equals(documentType)) {
      throw refused("document " + documentId + " is een " + document.documentType() + ", geen " + documentType);
    }
    if (!document.isCurrent()) {
      throw refused("document " + documentId + " (versie " + document.version() + ") is vervangen door een nieuwere"
          + " versie");
    }
  }

  private void checkSigners(String caseNumber, List<?> partyIds) {
    if (partyIds.isEmpty()) {
      throw refused("er zijn geen ondertekenaars (partyIds is leeg)");
    }
    Map<UUID, Party> ofCase = caseDirectory.parties(caseNumber).stream()
        .collect(Collectors.toMap(Party::getId, Function.identity()));
    Set<UUID> seen = new HashSet<>();
    for (Object value : partyIds) {
      if (!(value instanceof String text)) {
        throw refused("partyIds moet partij-ids als tekst bevatten, niet " + value);
      }
      UUID partyId = uuid(text, "partyIds");
      if (!seen.add(partyId)) {
        throw refused("partij " + text + " staat twee keer in partyIds");
      }
      Party party = ofCase.get(partyId);
      if (party == null) {
        throw refused("partij " + text + " is geen partij in zaak " + caseNumber);
      }
      if (!party.isActive()) {
        throw refused("partij " + text + " heeft zich teruggetrokken uit zaak " + caseNumber);
      }
    }
  }

  private static UUID uuid(String text, String variable) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw refused(variable + " bevat geen geldig id: " + text);
    }
  }

  private static ProcessEngineException refused(String problem) {
    return new ProcessEngineException("Ondertekening kan niet starten: " + problem);
  }
}
