package nl.mediatafel.intake;

import java.util.UUID;
import org.springframework.context.ApplicationContext;

/** The benchmark's way to the portal's intake service, which the intake module keeps to itself. */
public final class BenchIntake {

  private BenchIntake() {}

  public static void submit(ApplicationContext product, String caseNumber, UUID partyId, IntakeForm answers) {
    product.getBean(IntakeService.class).submit(caseNumber, partyId, answers);
  }
}
