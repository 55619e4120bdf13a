package nl.mediatafel.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.mediatafel.cases.MediationCaseProcess;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.process.ProcessVariable;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Each rule of processes/route-advice.dmn, evaluated by the deployed decision; together they cover every rule. */
@MediatafelTest
class RouteAdviceTest {

  private static final Set<String> REASONS_SEEN = new TreeSet<>();

  @Autowired DecisionService decisionService;

  @ParameterizedTest(name = "{7}: {6}")
  @CsvSource(delimiter = '|', textBlock = """
      true  | HIGH   | false | LABOUR            | 2  | NO_PREFERENCE | NOT_SUITABLE | safety concern and high escalation: refer
      true  | LOW    | false | LABOUR            | 2  | ONLINE_ASYNC  | ONLINE_VIDEO | safety concern never goes to the asynchronous forum
      false | HIGH   | true  | LABOUR            | 2  | ONLINE_ASYNC  | ONLINE_VIDEO | high escalation with a party abroad: live by video
      false | HIGH   | false | DIVORCE           | 2  | ONLINE_ASYNC  | FACE_TO_FACE | high escalation: at the table, whatever the preference
      false | MEDIUM | false | DIVORCE           | 2  | ONLINE_ASYNC  | HYBRID       | personal conflict with some tension: start at the table, continue online
      false | LOW    | true  | LABOUR            | 2  | ONLINE_ASYNC  | ONLINE_ASYNC | abroad and preferring the forum
      false | MEDIUM | true  | SUPPLIER_CUSTOMER | 2  | NO_PREFERENCE | ONLINE_VIDEO | abroad: online by video
      false | LOW    | false | SHAREHOLDERS      | 3  | ONLINE_ASYNC  | ONLINE_ASYNC | preference for the forum
      false | MEDIUM | false | LABOUR            | 2  | ONLINE_VIDEO  | ONLINE_VIDEO | preference for video
      false | LOW    | false | HOA               | 12 | FACE_TO_FACE  | FACE_TO_FACE | preference for the table beats the number of parties
      false | MEDIUM | false | HOA               | 30 | NO_PREFERENCE | ONLINE_ASYNC | many parties: the moderated forum
      false | LOW    | false | NEIGHBOURS        | 2  | NO_PREFERENCE | FACE_TO_FACE | nothing special: at the table
      """)
  void advisesARoute(boolean safetyConcern, String escalation, boolean anyPartyAbroad, String conflictType,
      int partyCount, String preferredRoute, String expectedRoute, String situation) {
    DmnDecisionResultEntries advice = decisionService.evaluateDecisionByKey("route-advice")
        .variables(ProcessVariable.map(
            MediationCaseProcess.SAFETY_CONCERN.with(safetyConcern),
            MediationCaseProcess.ESCALATION.with(escalation),
            MediationCaseProcess.ANY_PARTY_ABROAD.with(anyPartyAbroad),
            MediationCaseProcess.CONFLICT_TYPE.with(conflictType),
            MediationCaseProcess.PARTY_COUNT.with(partyCount),
            MediationCaseProcess.PREFERRED_ROUTE.with(preferredRoute)))
        .evaluate()
        .getSingleResult();

    assertThat((String) advice.getEntry("route")).isEqualTo(expectedRoute);
    String reason = advice.getEntry("reason");
    assertThat(reason).isNotBlank();
    REASONS_SEEN.add(reason);
  }

  @Test
  void everyAdviceCarriesADutchReason() {
    DmnDecisionResultEntries advice = decisionService.evaluateDecisionByKey("route-advice")
        .variables(ProcessVariable.map(MediationCaseProcess.SAFETY_CONCERN.with(false),
            MediationCaseProcess.ESCALATION.with("LOW"), MediationCaseProcess.ANY_PARTY_ABROAD.with(false),
            MediationCaseProcess.CONFLICT_TYPE.with("OTHER"), MediationCaseProcess.PARTY_COUNT.with(2),
            MediationCaseProcess.PREFERRED_ROUTE.with("NO_PREFERENCE")))
        .evaluate().getSingleResult();
    assertThat((String) advice.getEntry("reason")).contains("aan tafel");
  }

  /** Each rule has a unique reason, so the reasons seen name the rules the cases above reached. */
  @AfterAll
  static void everyRuleIsReachedByACase() throws Exception {
    try (InputStream dmn = RouteAdviceTest.class.getResourceAsStream("/processes/route-advice.dmn")) {
      Set<String> allReasons = Dmn.readModelFromStream(dmn).getModelElementsByType(Rule.class).stream()
          .map(rule -> rule.getOutputEntries().stream().skip(1).findFirst().orElseThrow().getText().getTextContent())
          .map(text -> text.substring(1, text.length() - 1))
          .collect(Collectors.toCollection(TreeSet::new));
      assertThat(allReasons).hasSize(12);
      assertThat(REASONS_SEEN).isEqualTo(allReasons);
    }
  }
}
