package nl.mediatafel.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.mediatafel.cases.MediationCaseProcess;
import nl.mediatafel.coaching.ConflictCoachingProcess;
import nl.mediatafel.forum.OnlineMediationProcess;
import nl.mediatafel.intake.RecordIntakeConversationListener;
import nl.mediatafel.sessions.FaceToFaceProcess;
import nl.mediatafel.settlement.SettlementProcess;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps confidential texts out of Camunda's history. Some forms carry a text that belongs to the case file, not to the
 * process: the mediator's intake notes, a session summary, the settlement's points, a forum round's summary, a
 * coaching advice. A task listener moves each into our own tables and removes the variable; this plugin makes sure
 * the value never reaches {@code ACT_HI_VARINST} or {@code ACT_HI_DETAIL} either (Cockpit, the history REST API and
 * history clean-up never see it). Every other history event is written as usual.
 */
@Component
class ConfidentialHistory extends AbstractProcessEnginePlugin {

  /** The variables whose values are never written to history; each has a table of its own. */
  static final Set<String> NAMES = Set.of(
      RecordIntakeConversationListener.NOTES.name(),
      FaceToFaceProcess.SESSION_SUMMARY.name(),
      SettlementProcess.SETTLEMENT_POINTS.name(),
      OnlineMediationProcess.FORUM_SUMMARY.name(),
      ConflictCoachingProcess.ADVICE_TEXT.name());

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    handlers.add(0, new Filter(new DbHistoryEventHandler()));
    configuration.setCustomHistoryEventHandlers(handlers);
    configuration.setEnableDefaultDbHistoryEventHandler(false);
  }

  /** The database history handler, minus the events of confidential variables. */
  static final class Filter implements HistoryEventHandler {

    private final HistoryEventHandler database;

    Filter(HistoryEventHandler database) {
      this.database = database;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      if (event instanceof HistoricVariableUpdateEventEntity variable && NAMES.contains(variable.getVariableName())) {
        return;
      }
      database.handleEvent(event);
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }
}
