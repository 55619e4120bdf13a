package nl.mediatafel.cases;

import java.util.List;
import nl.mediatafel.mail.PartyAddresses;
import org.springframework.stereotype.Component;

/** The addressees of the mails among a case's parties: those who have not withdrawn, in their order. */
@Component
class CasePartyAddresses implements PartyAddresses {

  private final PartyRepository parties;

  CasePartyAddresses(PartyRepository parties) {
    this.parties = parties;
  }

  @Override
  public List<PartyAddress> activeParties(String caseNumber) {
    return parties.findByMediationCaseCaseNumberOrderByPosition(caseNumber).stream().filter(Party::isActive)
        .map(party -> new PartyAddress(party.getId(), party.getName(), party.getEmail(), party.locale(),
            party.hasAdvisor(), party.getAdvisorName(), party.getAdvisorEmail()))
        .toList();
  }
}
