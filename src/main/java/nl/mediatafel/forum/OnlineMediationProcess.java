package nl.mediatafel.forum;

import java.util.Date;
import java.util.List;
import nl.mediatafel.process.CaseVariables;
import nl.mediatafel.process.ProcessMessage;
import nl.mediatafel.process.ProcessVariable;
import nl.mediatafel.sessions.SessionProcess;
import org.camunda.bpm.engine.RuntimeService;

/**
 * The API of {@code processes/online-mediation.bpmn}: the online route, forum rounds moderated by the mediator and
 * video sessions planned by the secretariat, in the order the mediator chooses, until an outcome. Called from the case
 * process with the case number as business key, with the same contract as the face-to-face route. Each video session
 * is a call of {@link SessionProcess} ({@code session.bpmn}), whose variables it uses; this class holds the key,
 * element ids, message and typed variables of the forum part. Delegates, the portal, the forum and tests use these
 * names, never literals.
 *
 * <p>Inputs: {@link CaseVariables#MEDIATOR}, {@link #PARTY_IDS} and {@link #ROUTE} ({@link #ONLINE_ASYNC} starts with a
 * forum round, {@link #ONLINE_VIDEO} with planning a video session). Outputs: {@link #SESSIONS_OUTCOME}
 * ({@link #AGREEMENT}, {@link #NO_AGREEMENT} or {@link #SWITCH_ROUTE}) and {@link #HOURS_SPENT} (forum rounds and video
 * sessions together).
 */
public final class OnlineMediationProcess {

  public static final String KEY = "online-mediation";

  /** Element ids of this model; the video session itself runs in {@code session.bpmn} ({@link SessionProcess}). */
  public static final class Elements {
    public static final String START = "startEvent_onlineRequested";
    public static final String FIRST_STEP = "gateway_firstStep";
    public static final String OPEN_FORUM_ROUND = "userTask_openForumRound";
    public static final String FORUM_REACTION_DEADLINE = "serviceTask_forumReactionDeadline";
    public static final String PARTY_REACTIONS = "subProcess_partyReaction";
    public static final String WAIT_FOR_REACTION = "receiveTask_forumReaction";
    public static final String REACTION_REMINDER_TIMER = "timer_forumReactionReminder";
    public static final String REACTION_REMINDER_MAIL = "serviceTask_forumReactionReminder";
    public static final String REACTION_DEADLINE_TIMER = "timer_forumReactionMissing";
    public static final String REACTION_MISSING = "userTask_reactionMissing";
    public static final String EXTEND_REACTION = "serviceTask_extendReaction";
    public static final String REACTION_RECEIVED_END = "endEvent_reactionReceived";
    public static final String WITHOUT_REACTION_END = "endEvent_withoutReaction";
    public static final String CLOSE_FORUM_ROUND = "userTask_closeForumRound";
    public static final String PLAN_VIDEO_SESSION = "userTask_planVideoSession";
    /** The call of {@code session.bpmn} for the video session planned just before. */
    public static final String VIDEO_SESSION = "callActivity_videoSession";
    public static final String NEXT_STEP = "gateway_nextStep";
    public static final String AGREEMENT_END = "endEvent_agreement";
    public static final String NO_AGREEMENT_END = "endEvent_noAgreement";
    public static final String SWITCH_ROUTE_END = "endEvent_switchRoute";

    private Elements() {}
  }

  /** Messages from the portal. */
  public static final class Messages {
    /** A party posted in the forum (joint or own caucus thread); correlate with {@link #forumMessagePosted}. */
    public static final String FORUM_MESSAGE_POSTED = "Mediatafel.ForumMessagePosted";

    private Messages() {}
  }

  /** Routes ({@link #ROUTE}). */
  public static final String ONLINE_ASYNC = "ONLINE_ASYNC";
  public static final String ONLINE_VIDEO = "ONLINE_VIDEO";

  /** Outcomes ({@link #SESSIONS_OUTCOME}); also choices of {@link #NEXT_STEP}. */
  public static final String AGREEMENT = SessionProcess.AGREEMENT;
  public static final String NO_AGREEMENT = SessionProcess.NO_AGREEMENT;
  public static final String SWITCH_ROUTE = SessionProcess.SWITCH_ROUTE;
  /** Next steps besides an outcome: a forum round, a joint video session, a video caucus with one party. */
  public static final String FORUM = "FORUM";
  public static final String JOINT = "JOINT";
  public static final String CAUCUS = "CAUCUS";
  /** Every choice of {@link #NEXT_STEP}, as the report task's {@code nextSteps} input lists them. */
  public static final List<String> NEXT_STEPS = List.of(FORUM, JOINT, CAUCUS, AGREEMENT, NO_AGREEMENT, SWITCH_ROUTE);

  /** Reaction follow-up choices ({@link #REACTION_FOLLOW_UP}). */
  public static final String EXTEND = "EXTEND";
  public static final String CONTINUE_WITHOUT = "CONTINUE_WITHOUT";

  // inputs
  /** The parties of the case (UUID text): one reaction per party in every forum round. */
  @SuppressWarnings("rawtypes")
  public static final ProcessVariable<List> PARTY_IDS = ProcessVariable.of("partyIds", List.class);
  /** {@link #ONLINE_ASYNC} or {@link #ONLINE_VIDEO}: what comes first. */
  public static final ProcessVariable<String> ROUTE = ProcessVariable.of("route", String.class);

  // outputs: the same contract as every sessions route, the values a session passes out
  public static final ProcessVariable<String> SESSIONS_OUTCOME = SessionProcess.SESSIONS_OUTCOME;
  /** Hours of all forum rounds and video sessions together. */
  public static final ProcessVariable<Double> HOURS_SPENT = SessionProcess.HOURS_SPENT;

  /** The mediator's choice after a forum round or a video session (the forum round's form or the session's report). */
  public static final ProcessVariable<String> NEXT_STEP = SessionProcess.SESSION_NEXT_STEP;

  // forum round: opening (online-open-forum-round.form)
  /** Business days a party has to react before the reminder; the mediator's task follows after as many again. */
  public static final ProcessVariable<Number> FORUM_REACTION_BUSINESS_DAYS =
      ProcessVariable.of("forumReactionBusinessDays", Number.class);
  /** Set by {@code setDeadline}: the second silence ends here, and its reminder ({@code …Reminder}). */
  public static final ProcessVariable<Date> FORUM_REACTION_DEADLINE = ProcessVariable.of("forumReactionDeadline",
      Date.class);
  public static final ProcessVariable<Date> FORUM_REACTION_REMINDER =
      ProcessVariable.of("forumReactionDeadlineReminder", Date.class);
  /** Local to each party's reaction: when the reminder goes and when the mediator is told. */
  public static final ProcessVariable<Date> PARTY_REACTION_REMINDER = ProcessVariable.of("partyReactionReminder",
      Date.class);
  public static final ProcessVariable<Date> PARTY_REACTION_DEADLINE = ProcessVariable.of("partyReactionDeadline",
      Date.class);

  // "Reactie ontbreekt" (online-reaction-missing.form)
  /** {@link #EXTEND} (wait again) or {@link #CONTINUE_WITHOUT} (this round goes on without the party). */
  public static final ProcessVariable<String> REACTION_FOLLOW_UP = ProcessVariable.of("reactionFollowUp", String.class);
  public static final ProcessVariable<Number> REACTION_EXTENSION_BUSINESS_DAYS =
      ProcessVariable.of("reactionExtensionBusinessDays", Number.class);

  // "Forumronde afronden" (online-close-forum-round.form): hours and summary are local to the task
  public static final ProcessVariable<Number> FORUM_ROUND_HOURS = ProcessVariable.of("forumRoundHours", Number.class);
  /** Optional: published in the joint thread as the mediator's post; never kept as a process variable. */
  public static final ProcessVariable<String> FORUM_SUMMARY = ProcessVariable.of("forumSummary", String.class);

  /**
   * The message the forum sends when a party posts (in the joint thread or in their own caucus thread): it ends the
   * wait of that party only, in the case's {@code online-mediation} instance. Use {@code correlateAllWithResult()}: a
   * post while no forum round waits for the party correlates nothing, and that is fine.
   */
  public static ProcessMessage forumMessagePosted(RuntimeService runtimeService, String caseNumber,
      String partyId) {
    return ProcessMessage.to(runtimeService, Messages.FORUM_MESSAGE_POSTED, caseNumber)
        .localVariableEquals(CaseVariables.PARTY_ID.name(), partyId);
  }

  private OnlineMediationProcess() {}
}
