package nl.mediatafel.platform;

import nl.mediatafel.security.StaffGroup;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Staff accounts of a test's own, so that what it does to one (a login, a lock-out) touches no other test. */
public final class StaffAccounts {

  private StaffAccounts() {}

  /** A member of {@code group} whose password is its id; returns the id. */
  public static String create(IdentityService identityService, String id, StaffGroup group) {
    User user = identityService.newUser(id);
    user.setPassword(id);
    identityService.saveUser(user);
    identityService.createMembership(id, group.id());
    return id;
  }
}
