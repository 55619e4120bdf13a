package nl.mediatafel.intake;

import nl.mediatafel.audit.Actors;
import nl.mediatafel.audit.CaseEventKind;
import nl.mediatafel.audit.CaseEvents;

import java.util.UUID;
import nl.mediatafel.cases.CaseDirectory;
import nl.mediatafel.cases.MediationCase;
import nl.mediatafel.cases.Party;
import nl.mediatafel.security.StaffAccess;
import nl.mediatafel.security.StaffGroup;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A party's intake answers for the case's own mediator and the secretariat ({@code /intake/{case}/{party}}, linked
 * from the "Intakegesprek voeren" form). Another mediator gets the same 404 as for a case that does not exist.
 */
@Controller
class IntakeStaffController {

  private final StaffAccess access;
  private final CaseDirectory caseDirectory;
  private final IntakeService intakes;
  private final CaseEvents events;

  IntakeStaffController(StaffAccess access, CaseDirectory caseDirectory,
      IntakeService intakes, CaseEvents events) {
    this.events = events;
    this.access = access;
    this.caseDirectory = caseDirectory;
    this.intakes = intakes;
  }

  @GetMapping("/intake/{caseNumber}/{partyId}")
  String answers(@PathVariable String caseNumber, @PathVariable UUID partyId, Model model) {
    String user = access.requireAnyOf(StaffGroup.SECRETARIAT, StaffGroup.ADMINISTRATORS, StaffGroup.MEDIATORS);
    MediationCase mediationCase = caseDirectory.find(caseNumber)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    if (!access.isMemberOfAny(StaffGroup.SECRETARIAT, StaffGroup.ADMINISTRATORS)
        && !user.equals(mediationCase.getMediator())) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    Party party = caseDirectory.parties(caseNumber).stream()
        .filter(p -> p.getId().equals(partyId)).findFirst()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    // reading a party's answers is itself on the case's record: who, when, whose answers (never the answers)
    events.record(caseNumber, Actors.staff(user), CaseEventKind.INTAKE_ANSWERS_VIEWED, partyId.toString());
    model.addAttribute("caseNumber", caseNumber);
    model.addAttribute("partyName", party.getName());
    model.addAttribute("answer", intakes.of(partyId).orElse(null));
    return "intake/answers";
  }
}
