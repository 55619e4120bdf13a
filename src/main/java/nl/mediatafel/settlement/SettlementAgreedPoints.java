package nl.mediatafel.settlement;

import java.util.List;
import nl.mediatafel.cases.AgreedPoints;
import org.springframework.stereotype.Component;

/** The case documents print the newest draft of the settlement's points. */
@Component
class SettlementAgreedPoints implements AgreedPoints {

  private final SettlementDrafts drafts;

  SettlementAgreedPoints(SettlementDrafts drafts) {
    this.drafts = drafts;
  }

  @Override
  public List<String> currentPoints(String caseNumber) {
    return drafts.currentPoints(caseNumber);
  }
}
