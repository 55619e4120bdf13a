package nl.mediatafel.security;

import java.util.Arrays;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Checks in our own controllers which staff group the signed-in user (set by the Basic-auth filter) belongs to. */
@Component
public class StaffAccess {

  private final IdentityService identityService;

  StaffAccess(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** @throws ResponseStatusException 403 unless the current user is in one of the groups */
  public String requireAnyOf(StaffGroup... groups) {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
    }
    boolean member = authentication.getGroupIds() != null && Arrays.stream(groups)
        .anyMatch(group -> authentication.getGroupIds().contains(group.id()));
    if (!member) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
    return authentication.getUserId();
  }

  public boolean isMemberOfAny(StaffGroup... groups) {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication != null && authentication.getGroupIds() != null && Arrays.stream(groups)
        .anyMatch(group -> authentication.getGroupIds().contains(group.id()));
  }
}
