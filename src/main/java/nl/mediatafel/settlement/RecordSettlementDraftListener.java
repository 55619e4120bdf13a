package nl.mediatafel.settlement;

import nl.mediatafel.cases.MediationCaseProcess;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code <camunda:taskListener event="complete" delegateExpression="${recordSettlementDraft}">} on "Vaststellingsovereenkomst
 * opstellen": stores the points in the settlement table as a new version and removes them from the task's variables,
 * so the case's data lives in our tables, not in the process. Bad input refuses the completion with a message; the
 * task stays open with its form.
 */
@Component("recordSettlementDraft")
class RecordSettlementDraftListener implements TaskListener {

  private final SettlementDrafts drafts;
  private final IdentityService identityService;

  RecordSettlementDraftListener(SettlementDrafts drafts, IdentityService identityService) {
    this.drafts = drafts;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    String text = SettlementProcess.SETTLEMENT_POINTS.from(execution).orElse(null);
    var authentication = identityService.getCurrentAuthentication();
    drafts.record(execution.getProcessBusinessKey(), text,
        authentication == null ? task.getAssignee() : authentication.getUserId());
    execution.removeVariableLocal(SettlementProcess.SETTLEMENT_POINTS.name());
  }
}
