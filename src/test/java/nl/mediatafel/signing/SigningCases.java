package nl.mediatafel.signing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.mediatafel.cases.CaseRequest;
import nl.mediatafel.cases.CaseRequests;
import nl.mediatafel.cases.MediationCaseProcess;
import nl.mediatafel.cases.Party;
import nl.mediatafel.cases.PartyRepository;
import nl.mediatafel.documents.DocumentService;
import nl.mediatafel.documents.DocumentType;
import nl.mediatafel.documents.StoredDocument;
import org.camunda.bpm.engine.RuntimeService;

/**
 * Real cases for signing tests: registered through {@link CaseRequests} (parties with e-mail addresses unique to the
 * test run, alternately Dutch and English) with a generated mediation agreement. The case's own process instance is
 * removed again, so the signing process is the only instance with the case number as business key.
 */
final class SigningCases {

  /** A registered case, its parties in order, and its current mediation agreement. */
  record SigningCase(String caseNumber, List<Party> parties, StoredDocument agreement) {

    List<String> partyIds() {
      return new ArrayList<>(parties.stream().map(party -> party.getId().toString()).toList());
    }

    Party party(int index) {
      return parties.get(index);
    }
  }

  private final CaseRequests requests;
  private final PartyRepository parties;
  private final DocumentService documents;
  private final RuntimeService runtimeService;

  SigningCases(CaseRequests requests, PartyRepository parties, DocumentService documents,
      RuntimeService runtimeService) {
    this.requests = requests;
    this.parties = parties;
    this.documents = documents;
    this.runtimeService = runtimeService;
  }

  SigningCase create(int partyCount) {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<CaseRequest.PartyRequest> partyRequests = new ArrayList<>();
    for (int i = 1; i <= partyCount; i++) {
      partyRequests.add(new CaseRequest.PartyRequest("Ondertekenaar " + i, "signer" + i + "-" + run + "@example.nl",
          i % 2 == 0 ? "en" : "nl", false, "SELF", null));
    }
    CaseRequest request = new CaseRequest("SHAREHOLDERS", "Onenigheid over de koers van de onderneming.", "MEDIUM",
        "FACE_TO_FACE", false, null, partyRequests);
    String caseNumber = requests.register(request, null).mediationCase().getCaseNumber();
    runtimeService.createProcessInstanceQuery().processDefinitionKey(MediationCaseProcess.KEY)
        .processInstanceBusinessKey(caseNumber).list()
        .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "signing test", true, true));
    return new SigningCase(caseNumber, parties.findByMediationCaseCaseNumberOrderByPosition(caseNumber),
        agreement(caseNumber));
  }

  /** A (new version of the) mediation agreement of the case. */
  StoredDocument agreement(String caseNumber) {
    return generate(caseNumber, DocumentType.MEDIATION_AGREEMENT);
  }

  StoredDocument generate(String caseNumber, DocumentType type) {
    Map<String, Object> model = new HashMap<>();
    model.put("mediator", "Anna de Vries");
    model.put("route", "FACE_TO_FACE");
    model.put("hourlyRate", 135);
    model.put("documentDate", LocalDate.of(2026, 3, 5));
    model.put("parties", List.of(Map.of("name", "Ondertekenaar 1", "payer", "SELF"),
        Map.of("name", "Ondertekenaar 2", "payer", "SELF")));
    String template = type.name().toLowerCase(Locale.ROOT).replace('_', '-');
    return documents.generate(caseNumber, type.name(), template, Locale.forLanguageTag("nl"), model);
  }
}
