package nl.mediatafel.intake;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import nl.mediatafel.process.CaseVariables;
import nl.mediatafel.process.FormRefusal;
import nl.mediatafel.process.ProcessVariable;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code <camunda:taskListener event="complete" delegateExpression="${recordIntakeConversation}">} on
 * "Intakegesprek voeren": stores channel, whether the way of working was explained, and the notes in
 * {@code intake_conversation} for this party (one row per party; completing again overwrites it) and removes the
 * notes from the task's variables. Bad input refuses the completion with a message naming the field.
 */
@Component("recordIntakeConversation")
class RecordIntakeConversationListener implements TaskListener {

  static final ProcessVariable<String> CHANNEL = ProcessVariable.of("conversationChannel", String.class);
  static final ProcessVariable<Boolean> EXPLAINED = ProcessVariable.of("onlineExplained", Boolean.class);
  public static final ProcessVariable<String> NOTES = ProcessVariable.of("conversationNotes", String.class);
  static final Set<String> CHANNELS = Set.of("PHONE", "VIDEO", "IN_PERSON");
  static final int NOTES_MAX = 4000;

  private final IntakeConversationRepository conversations;
  private final IdentityService identityService;
  private final Clock clock;

  RecordIntakeConversationListener(IntakeConversationRepository conversations, IdentityService identityService,
      Clock clock) {
    this.conversations = conversations;
    this.identityService = identityService;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    String channel = CHANNEL.from(execution).orElse("");
    if (!CHANNELS.contains(channel)) {
      throw new FormRefusal("intake-conversation.channel");
    }
    String notes = NOTES.from(execution).map(String::strip).filter(text -> !text.isEmpty()).orElse(null);
    if (notes != null && notes.length() > NOTES_MAX) {
      throw new FormRefusal("intake-conversation.notes-too-long", NOTES_MAX);
    }
    UUID partyId = UUID.fromString(CaseVariables.PARTY_ID.required(execution));
    IntakeConversation conversation = conversations.findByPartyId(partyId)
        .orElseGet(() -> new IntakeConversation(execution.getProcessBusinessKey(), partyId));
    var authentication = identityService.getCurrentAuthentication();
    conversation.record(channel, EXPLAINED.from(execution).orElse(false), notes,
        authentication == null ? task.getAssignee() : authentication.getUserId(), clock.instant());
    conversations.save(conversation);
    execution.removeVariableLocal(NOTES.name());
  }
}
