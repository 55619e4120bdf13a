package nl.mediatafel.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who am I: the signed-in staff member and their groups, for API clients and the staff pages. */
@RestController
@RequestMapping("/api")
class StaffController {

  record StaffMember(String id, String firstName, String lastName, String email, List<String> groups) {}

  private final IdentityService identityService;

  StaffController(IdentityService identityService) {
    this.identityService = identityService;
  }

  @GetMapping("/me")
  StaffMember me() {
    Authentication authentication = identityService.getCurrentAuthentication();
    User user = identityService.createUserQuery().userId(authentication.getUserId()).singleResult();
    return new StaffMember(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail(),
        authentication.getGroupIds().stream().sorted().toList());
  }
}
