package nl.mediatafel.cases;

import java.time.Clock;
import java.util.UUID;
import nl.mediatafel.process.ProcessVariable;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A party leaves the mediation (mediation is voluntary): the party is marked withdrawn and the case process hears
 * {@code PartyWithdrew}, which ends the mediation for everyone. Withdrawing twice changes nothing.
 */
@Service
public class Withdrawals {

  /** Process variable with the id of the party who withdrew. */
  public static final ProcessVariable<String> WITHDRAWN_PARTY_ID = ProcessVariable.of("withdrawnPartyId", String.class);

  private final PartyRepository parties;
  private final RuntimeService runtimeService;
  private final Clock clock;

  Withdrawals(PartyRepository parties, RuntimeService runtimeService, Clock clock) {
    this.parties = parties;
    this.runtimeService = runtimeService;
    this.clock = clock;
  }

  /** @return false when the party had already withdrawn */
  @Transactional
  public boolean withdraw(String caseNumber, UUID partyId) {
    Party party = parties.findByMediationCaseCaseNumberOrderByPosition(caseNumber).stream()
        .filter(p -> p.getId().equals(partyId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No party " + partyId + " in case " + caseNumber));
    if (!party.isActive()) {
      return false;
    }
    party.withdraw(clock.instant());
    // when the case has ended (or is already being terminated) the withdrawal is recorded all the same
    MediationCaseProcess.partyWithdrew(runtimeService, caseNumber, partyId.toString()).correlateIfWaiting();
    return true;
  }
}
