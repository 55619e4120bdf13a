package nl.mediatafel.signing;

import java.util.UUID;
import nl.mediatafel.cases.CaseDirectory;
import nl.mediatafel.cases.Party;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code ${signingParties.describe(caseNumber, partyId)}}: who a signer is, for the secretariat's follow-up task
 * (input parameter {@code signerName}), since the process itself knows signers only by id.
 */
@Component("signingParties")
public class SigningParties {

  private final CaseDirectory caseDirectory;

  SigningParties(CaseDirectory caseDirectory) {
    this.caseDirectory = caseDirectory;
  }

  /** "Anna de Vries (anna@example.nl)", or the id when it is no party of this case. */
  @Transactional(readOnly = true)
  public String describe(String caseNumber, String partyId) {
    return caseDirectory.findParty(UUID.fromString(partyId))
        .filter(party -> party.getCaseNumber().equals(caseNumber))
        .map(SigningParties::describe)
        .orElse(partyId);
  }

  private static String describe(Party party) {
    return party.getName() + " (" + party.getEmail() + ")";
  }
}
