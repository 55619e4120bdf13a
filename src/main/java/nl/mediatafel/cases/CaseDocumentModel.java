package nl.mediatafel.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.mediatafel.documents.CostProperties;
import nl.mediatafel.documents.DocumentModelSource;
import nl.mediatafel.security.StaffNames;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The data of a case's documents from the case tables (not from process variables): the parties who have not
 * withdrawn and who pays for each, the mediator's full name, the route and the rates agreed at triage, the hours of all
 * session routes (summed at the end of each route) and the newest drafted points of the settlement agreement.
 */
@Component
class CaseDocumentModel implements DocumentModelSource {

  private final MediationCaseRepository cases;
  private final PartyRepository parties;
  private final IdentityService identityService;
  private final AgreedPoints settlements;
  private final CostProperties costs;

  CaseDocumentModel(MediationCaseRepository cases, PartyRepository parties, IdentityService identityService,
      AgreedPoints settlements, CostProperties costs) {
    this.costs = costs;
    this.cases = cases;
    this.parties = parties;
    this.identityService = identityService;
    this.settlements = settlements;
  }

  @Override
  public Map<String, Object> modelFor(DelegateExecution execution) {
    String caseNumber = execution.getProcessBusinessKey();
    MediationCase mediationCase = cases.findById(caseNumber)
        .orElseThrow(() -> new ProcessEngineException("Case " + caseNumber + " does not exist"));
    Map<String, Object> model = new LinkedHashMap<>();
    model.put(CASE_NUMBER, caseNumber);
    if (mediationCase.getMediator() != null) {
      model.put(MEDIATOR, StaffNames.fullName(identityService, mediationCase.getMediator()));
    }
    putIfSet(model, ROUTE, mediationCase.getRoute() == null ? null : mediationCase.getRoute().name());
    putIfSet(model, HOURLY_RATE, mediationCase.getHourlyRate());
    putIfSet(model, PLATFORM_FEE, mediationCase.getPlatformFee());
    model.put(HOURS, mediationCase.getHoursSpent());
    model.put(LEGAL_AID_OWN_CONTRIBUTION, costs.legalAidOwnContribution());
    List<String> points = settlements.currentPoints(caseNumber);
    if (!points.isEmpty()) {
      model.put(AGREED_POINTS, points);
    }
    List<Map<String, Object>> active = parties.findByMediationCaseCaseNumberOrderByPosition(caseNumber).stream()
        .filter(Party::isActive)
        .map(party -> Map.<String, Object>of(PARTY_NAME, party.getName(), PARTY_PAYER, party.getPayer().name()))
        .toList();
    model.put(PARTIES, active);
    return model;
  }

  private static void putIfSet(Map<String, Object> model, String key, Object value) {
    if (value != null) {
      model.put(key, value);
    }
  }
}
