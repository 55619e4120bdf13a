package nl.mediatafel.mail;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import nl.mediatafel.cases.Party;
import nl.mediatafel.cases.PartyRepository;
import nl.mediatafel.i18n.MessagesConfiguration;
import nl.mediatafel.process.CaseVariables;
import nl.mediatafel.security.StaffGroup;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Turns a role from the model ({@code parties}, {@code mediator}, …) into the addressees of one case. */
@Component
public class RecipientDirectory {

  private final PartyRepository parties;
  private final IdentityService identityService;

  RecipientDirectory(PartyRepository parties, IdentityService identityService) {
    this.parties = parties;
    this.identityService = identityService;
  }

  List<Recipient> resolve(RecipientRole role, String caseNumber, DelegateExecution execution) {
    return switch (role) {
      case PARTIES -> activeParties(caseNumber).stream()
          .map(party -> new Recipient(party.getName(), party.getEmail(), party.locale(), role, party.getId()))
          .toList();
      case PARTY -> {
        UUID partyId = UUID.fromString(CaseVariables.PARTY_ID.required(execution));
        Party party = activeParties(caseNumber).stream().filter(p -> p.getId().equals(partyId)).findFirst()
            .orElseThrow(() -> new ProcessEngineException("Party " + partyId + " is not an active party of case "
                + caseNumber));
        yield List.of(new Recipient(party.getName(), party.getEmail(), party.locale(), role, party.getId()));
      }
      case ADVISORS -> activeParties(caseNumber).stream().filter(Party::hasAdvisor)
          .map(party -> new Recipient(party.getAdvisorName(), party.getAdvisorEmail(), party.locale(), role,
              party.getId()))
          .toList();
      case MEDIATOR -> {
        String mediator = CaseVariables.MEDIATOR.required(execution);
        User user = identityService.createUserQuery().userId(mediator).singleResult();
        if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
          throw new ProcessEngineException("Mediator '" + mediator + "' has no user account with an e-mail address");
        }
        yield List.of(staff(user, role));
      }
      case SECRETARIAT -> caseStaff(null);
    };
  }

  /** The staff of a case outside a process: its mediator (when chosen) and every member of the secretariat. */
  public List<Recipient> caseStaff(String mediatorId) {
    java.util.ArrayList<Recipient> staff = new java.util.ArrayList<>();
    if (mediatorId != null) {
      User mediator = identityService.createUserQuery().userId(mediatorId).singleResult();
      if (mediator != null && mediator.getEmail() != null && !mediator.getEmail().isBlank()) {
        staff.add(staff(mediator, RecipientRole.MEDIATOR));
      }
    }
    identityService.createUserQuery().memberOfGroup(StaffGroup.SECRETARIAT.id()).list().stream()
        .filter(user -> user.getEmail() != null && !user.getEmail().isBlank())
        .map(user -> staff(user, RecipientRole.SECRETARIAT))
        .forEach(staff::add);
    return staff;
  }

  private List<Party> activeParties(String caseNumber) {
    return parties.findByMediationCaseCaseNumberOrderByPosition(caseNumber).stream().filter(Party::isActive).toList();
  }

  private static Recipient staff(User user, RecipientRole role) {
    String name = (nullToEmpty(user.getFirstName()) + " " + nullToEmpty(user.getLastName())).trim();
    Locale staffLanguage = MessagesConfiguration.DUTCH;
    return new Recipient(name.isEmpty() ? user.getId() : name, user.getEmail(), staffLanguage, role, null);
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
