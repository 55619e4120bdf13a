package nl.mediatafel.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo staff accounts for a first look (README "Logins"); on in the default profile, off in {@code postgres} unless
 * {@code MEDIATAFEL_DEMO=true}. Existing accounts are left as they are, so a changed password survives a restart.
 * Created under the {@link StartupLock}, so nodes starting together create each account once.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "mediatafel.demo.enabled", havingValue = "true")
public class DemoStaff extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(DemoStaff.class);

  /** A demo account; the password is the user id. */
  public record Account(String id, String firstName, String lastName, String email, StaffGroup group) {}

  public static final List<Account> ACCOUNTS = List.of(
      new Account("demo", "Demo", "Beheerder", "demo@mediatafel.example", StaffGroup.ADMINISTRATORS),
      new Account("anna", "Anna", "de Vries", "anna@mediatafel.example", StaffGroup.MEDIATORS),
      new Account("bram", "Bram", "Jansen", "bram@mediatafel.example", StaffGroup.MEDIATORS),
      new Account("sanne", "Sanne", "Bakker", "sanne@mediatafel.example", StaffGroup.SECRETARIAT),
      new Account("daan", "Daan", "Visser", "daan@mediatafel.example", StaffGroup.PROCESS_DESIGNERS));

  private final StartupLock startupLock;

  DemoStaff(StartupLock startupLock) {
    this.startupLock = startupLock;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    startupLock.run(() -> createAccounts(engine));
  }

  private static void createAccounts(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    for (Account account : ACCOUNTS) {
      if (identity.createUserQuery().userId(account.id()).count() == 0) {
        User user = identity.newUser(account.id());
        user.setFirstName(account.firstName());
        user.setLastName(account.lastName());
        user.setEmail(account.email());
        user.setPassword(account.id());
        identity.saveUser(user);
        identity.createMembership(account.id(), account.group().id());
        LOG.info("Demo account {} ({}) created", account.id(), account.group().id());
      }
    }
  }
}
