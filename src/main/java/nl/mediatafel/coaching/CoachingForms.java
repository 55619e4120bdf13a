package nl.mediatafel.coaching;

import nl.mediatafel.security.StaffNames;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** {@code ${coachingForms…}} for the model: texts for forms and mails that are not process variables. */
@Component("coachingForms")
public class CoachingForms {

  private final IdentityService identityService;

  CoachingForms(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The coach's full name, for the welcome mail ("Uw coach is …"). */
  public String coachName(String userId) {
    return StaffNames.fullName(identityService, userId);
  }
}
