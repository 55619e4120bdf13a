package nl.mediatafel.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** How a staff member is named in mails, documents and pages: first and last name, else the user id. */
public final class StaffNames {

  private StaffNames() {}

  public static String fullName(User user) {
    String name = (nullToEmpty(user.getFirstName()) + " " + nullToEmpty(user.getLastName())).trim();
    return name.isEmpty() ? user.getId() : name;
  }

  /** The full name of a user id, or the id itself when there is no such user. */
  public static String fullName(IdentityService identityService, String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    return user == null ? userId : fullName(user);
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
