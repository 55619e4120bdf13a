package nl.mediatafel.cases;

import java.util.function.Function;
import nl.mediatafel.security.StaffAccess;
import nl.mediatafel.security.StaffGroup;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * How staff read one case row of the API ({@code GET /api/cases/{n}}, {@code GET /api/coaching/{n}}): the
 * secretariat and administrators read every case of the kind, a mediator only their own; everyone else, another kind
 * and an unknown number get the same 404, so a number reveals nothing.
 */
@Component
public class StaffCaseReads {

  private final MediationCaseRepository cases;
  private final StaffAccess access;
  private final IdentityService identityService;

  StaffCaseReads(MediationCaseRepository cases, StaffAccess access, IdentityService identityService) {
    this.cases = cases;
    this.access = access;
    this.identityService = identityService;
  }

  /**
   * The view of case {@code number} of {@code kind} for the signed-in staff member. The view runs without the
   * engine's own authorization checks: access was decided here, and the view reads tasks and variables of the case
   * that a mediator's engine permissions do not all cover.
   *
   * @throws ResponseStatusException 401/403 for no or non-staff login, 404 when this user may not read it
   */
  @Transactional(readOnly = true)
  public <T> T read(String number, String kind, Function<MediationCase, T> view) {
    String user = access.requireAnyOf(StaffGroup.SECRETARIAT, StaffGroup.ADMINISTRATORS, StaffGroup.MEDIATORS);
    MediationCase found = cases.findById(number)
        .filter(candidate -> kind.equals(candidate.getKind()))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    boolean seesAll = access.isMemberOfAny(StaffGroup.SECRETARIAT, StaffGroup.ADMINISTRATORS);
    if (!seesAll && !user.equals(found.getMediator())) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    var authentication = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return view.apply(found);
    } finally {
      identityService.setAuthentication(authentication);
    }
  }
}
