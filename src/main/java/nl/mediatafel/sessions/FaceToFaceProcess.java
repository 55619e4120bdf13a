package nl.mediatafel.sessions;

import java.util.List;
import nl.mediatafel.process.ProcessVariable;

/**
 * The API of {@code processes/face-to-face-mediation.bpmn}: sessions at a table, planned by the secretariat, until
 * the mediator records an outcome. Called from the case process with the case number as business key. Each session,
 * from registering it to its report, is one call of {@link SessionProcess} ({@code session.bpmn}); this model plans
 * it (the form {@code plan-session}) and chooses the next step. Its key and element ids; the session's variables are
 * {@link SessionProcess}'s.
 *
 * <p>Inputs: {@link nl.mediatafel.process.CaseVariables#MEDIATOR} and {@link #PARTY_IDS}. Outputs:
 * {@link #SESSIONS_OUTCOME} ({@link #AGREEMENT}, {@link #NO_AGREEMENT} or {@link #SWITCH_ROUTE}) and
 * {@link #HOURS_SPENT}.
 */
public final class FaceToFaceProcess {

  public static final String KEY = "face-to-face-mediation";

  /** Element ids. */
  public static final class Elements {
    public static final String START = "startEvent_sessionsRequested";
    public static final String PLAN_SESSION = "userTask_planSession";
    /** The call of {@code session.bpmn}: register, invite, remind, wait, move, cancel and re-plan, report. */
    public static final String SESSION = "callActivity_session";
    public static final String NEXT_STEP = "gateway_nextStep";
    public static final String AGREEMENT_END = "endEvent_agreement";
    public static final String NO_AGREEMENT_END = "endEvent_noAgreement";
    public static final String SWITCH_ROUTE_END = "endEvent_switchRoute";

    private Elements() {}
  }

  /** Outcomes ({@link #SESSIONS_OUTCOME}), the values {@link SessionProcess} sets. */
  public static final String AGREEMENT = SessionProcess.AGREEMENT;
  public static final String NO_AGREEMENT = SessionProcess.NO_AGREEMENT;
  public static final String SWITCH_ROUTE = SessionProcess.SWITCH_ROUTE;

  // inputs
  /** The parties of the case (UUID text); the sessions invite the active parties of the case. */
  @SuppressWarnings("rawtypes")
  public static final ProcessVariable<List> PARTY_IDS = ProcessVariable.of("partyIds", List.class);

  // outputs, passed out of each session
  public static final ProcessVariable<String> SESSIONS_OUTCOME = SessionProcess.SESSIONS_OUTCOME;
  /** Hours of all sessions together, as recorded by the mediator. */
  public static final ProcessVariable<Double> HOURS_SPENT = SessionProcess.HOURS_SPENT;

  private FaceToFaceProcess() {}
}
