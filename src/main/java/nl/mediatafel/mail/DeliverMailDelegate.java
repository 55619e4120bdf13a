package nl.mediatafel.mail;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code camunda:delegateExpression="${deliverMail}"} in {@code mail-delivery.bpmn}: delivers the batch
 * {@code mailBatchId}. Runs as an asynchronous job; a failure is a retry (engine-wide
 * {@code failedJobRetryTimeCycle}) and finally an incident, and each retry sends only what is not yet delivered.
 */
@Component("deliverMail")
class DeliverMailDelegate implements JavaDelegate {

  private final MailDispatcher dispatcher;

  DeliverMailDelegate(MailDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Override
  public void execute(DelegateExecution execution) {
    dispatcher.deliver(MailDeliveryProcess.batchOf(execution));
  }
}
