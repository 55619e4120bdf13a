package nl.mediatafel.signing;

import java.time.Instant;
import java.util.UUID;
import nl.mediatafel.process.CaseVariables;
import nl.mediatafel.process.FormRefusal;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * {@code ${recordPaperSignature}}, right after the follow-up choice "papieren handtekening": records the signer's
 * paper signature ({@code partyId}, {@code documentId}) with the day it came in ({@code paperSignatureReceivedOn}) and
 * the staff member who checked it.
 *
 * <p>Who checked it is the user the engine has authenticated for this command: Tasklist and the REST API
 * authenticate the logged-in user, and this delegate runs synchronously in the same command that completes the task
 * (no {@code asyncBefore}: a job would run without a user). A name typed in the form could be anyone's; the
 * authenticated user is the one who completed the task and is what Camunda's history and operation log record too.
 * The form's checkbox {@code paperSignatureChecked} makes that user confirm having checked the signature. Without an
 * authenticated user (a system call) the task cannot be completed this way.
 */
@Component("recordPaperSignature")
class RecordPaperSignatureDelegate implements JavaDelegate {

  private final SignatureService signatures;

  RecordPaperSignatureDelegate(SignatureService signatures) {
    this.signatures = signatures;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Authentication authentication = execution.getProcessEngineServices().getIdentityService()
        .getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw new FormRefusal("paper-signature.not-logged-in");
    }
    if (!SigningProcess.PAPER_SIGNATURE_CHECKED.from(execution).orElse(false)) {
      throw new FormRefusal("paper-signature.not-checked");
    }
    Instant receivedOn;
    try {
      receivedOn = FormDates.moment(SigningProcess.PAPER_SIGNATURE_RECEIVED_ON.from(execution).orElse(null),
          FormDates::startOfDay);
    } catch (IllegalArgumentException e) {
      throw new FormRefusal(e, "paper-signature.received-on-unreadable",
          SigningProcess.PAPER_SIGNATURE_RECEIVED_ON.from(execution).orElse(""));
    }
    if (receivedOn == null) {
      throw new FormRefusal("paper-signature.received-on-missing");
    }
    if (receivedOn.isAfter(ClockUtil.getCurrentTime().toInstant())) {
      throw new FormRefusal("paper-signature.received-on-future");
    }
    try {
      signatures.recordPaperSignature(execution.getBusinessKey(),
          UUID.fromString(SigningProcess.DOCUMENT_ID.required(execution)),
          UUID.fromString(CaseVariables.PARTY_ID.required(execution)), receivedOn, authentication.getUserId());
    } catch (SigningRefusedException e) {
      String reason = e.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
      throw new FormRefusal(e, "paper-signature." + reason, execution.getBusinessKey());
    } catch (IllegalArgumentException e) {
      throw new ProcessEngineException(e.getMessage(), e);
    }
  }
}
