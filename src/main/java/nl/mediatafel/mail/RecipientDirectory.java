package nl.mediatafel.mail;

import java.util.List;
import java.util.UUID;
import nl.mediatafel.i18n.MessagesConfiguration;
import nl.mediatafel.mail.PartyAddresses.PartyAddress;
import nl.mediatafel.process.CaseVariables;
import nl.mediatafel.security.StaffGroup;
import nl.mediatafel.security.StaffNames;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Turns a role from the model ({@code parties}, {@code mediator}, …) into the addressees of one case. */
@Component
public class RecipientDirectory {

  private final PartyAddresses parties;
  private final IdentityService identityService;

  RecipientDirectory(PartyAddresses parties, IdentityService identityService) {
    this.parties = parties;
    this.identityService = identityService;
  }

  List<Recipient> resolve(RecipientRole role, String caseNumber, DelegateExecution execution) {
    return switch (role) {
      case PARTIES -> activeParties(caseNumber).stream()
          .map(party -> new Recipient(party.name(), party.email(), party.locale(), role, party.partyId()))
          .toList();
      case PARTY -> {
        UUID partyId = UUID.fromString(CaseVariables.PARTY_ID.required(execution));
        PartyAddress party = activeParties(caseNumber).stream().filter(p -> p.partyId().equals(partyId)).findFirst()
            .orElseThrow(() -> new ProcessEngineException("Party " + partyId + " is not an active party of case "
                + caseNumber));
        yield List.of(new Recipient(party.name(), party.email(), party.locale(), role, party.partyId()));
      }
      case ADVISORS -> activeParties(caseNumber).stream().filter(PartyAddress::hasAdvisor)
          .map(party -> new Recipient(party.advisorName(), party.advisorEmail(), party.locale(), role,
              party.partyId()))
          .toList();
      case MEDIATOR -> List.of(mediator(CaseVariables.MEDIATOR.required(execution)));
      case SECRETARIAT -> caseStaff(null);
    };
  }

  /** A case's mediator as addressee; fails when the user does not exist or has no e-mail address. */
  public Recipient mediator(String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    if (!hasEmail(user)) {
      throw new ProcessEngineException("Mediator '" + userId + "' has no user account with an e-mail address");
    }
    return staff(user, RecipientRole.MEDIATOR);
  }

  /** The staff of a case outside a process: its mediator (when chosen) and every member of the secretariat. */
  public List<Recipient> caseStaff(String mediatorId) {
    java.util.ArrayList<Recipient> staff = new java.util.ArrayList<>();
    if (mediatorId != null) {
      User mediator = identityService.createUserQuery().userId(mediatorId).singleResult();
      if (hasEmail(mediator)) {
        staff.add(staff(mediator, RecipientRole.MEDIATOR));
      }
    }
    identityService.createUserQuery().memberOfGroup(StaffGroup.SECRETARIAT.id()).list().stream()
        .filter(RecipientDirectory::hasEmail)
        .map(user -> staff(user, RecipientRole.SECRETARIAT))
        .forEach(staff::add);
    return staff;
  }

  private List<PartyAddress> activeParties(String caseNumber) {
    return parties.activeParties(caseNumber);
  }

  private static boolean hasEmail(User user) {
    return user != null && user.getEmail() != null && !user.getEmail().isBlank();
  }

  /** Staff read Dutch. */
  private static Recipient staff(User user, RecipientRole role) {
    return new Recipient(StaffNames.fullName(user), user.getEmail(), MessagesConfiguration.DUTCH, role, null);
  }
}
