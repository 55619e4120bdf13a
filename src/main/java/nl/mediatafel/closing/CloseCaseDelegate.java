package nl.mediatafel.closing;

import java.time.Instant;
import java.time.LocalDate;
import nl.mediatafel.cases.CaseDirectory;
import nl.mediatafel.cases.MediationCase;
import nl.mediatafel.deadlines.BusinessCalendar;
import nl.mediatafel.portal.PortalLinks;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * {@code ${closeCase}}: the last step of a case. Sets status CLOSED with the closing moment and the date until which
 * the dossier is kept ({@link RetentionProperties}), and revokes every portal link of the case: a closed case has no
 * portal any more (parties received the signed documents by mail and on paper).
 */
@Component("closeCase")
class CloseCaseDelegate implements JavaDelegate {

  private final CaseDirectory cases;
  private final PortalLinks portalLinks;
  private final RetentionProperties retention;
  private final BusinessCalendar calendar;

  CloseCaseDelegate(CaseDirectory cases, PortalLinks portalLinks, RetentionProperties retention,
      BusinessCalendar calendar) {
    this.cases = cases;
    this.portalLinks = portalLinks;
    this.retention = retention;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = execution.getProcessBusinessKey();
    MediationCase mediationCase = cases.find(caseNumber)
        .orElseThrow(() -> new ProcessEngineException("Zaak " + caseNumber + " bestaat niet"));
    Instant now = ClockUtil.getCurrentTime().toInstant();
    LocalDate closedOn = LocalDate.ofInstant(now, calendar.zone());
    mediationCase.close(now, closedOn.plus(retention.dossier()));
    portalLinks.revokeCase(caseNumber);
  }
}
