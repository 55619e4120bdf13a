package nl.mediatafel.coaching;

import static nl.mediatafel.coaching.ConflictCoachingProcess.ESCALATION;
import static nl.mediatafel.coaching.ConflictCoachingProcess.OTHER_PARTY_EMAIL;
import static nl.mediatafel.coaching.ConflictCoachingProcess.OTHER_PARTY_LANGUAGE;
import static nl.mediatafel.coaching.ConflictCoachingProcess.OTHER_PARTY_NAME;
import static nl.mediatafel.coaching.ConflictCoachingProcess.OTHER_PARTY_PAYER;
import static nl.mediatafel.coaching.ConflictCoachingProcess.SAFETY_CONCERN;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import nl.mediatafel.cases.CaseDirectory;
import nl.mediatafel.cases.CaseRequest;
import nl.mediatafel.cases.CaseRequests;
import nl.mediatafel.cases.MediationCase;
import nl.mediatafel.cases.Party;
import nl.mediatafel.process.FormRefusal;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * {@code ${convertCoachingToMediation}}: turns the coaching into a request for mediation of the same conflict, the
 * way a front desk would make one ({@link CaseRequests}): same conflict type and summary, the coached person and the
 * other party from the coach's form, referrer {@code SELF} with the coaching's number as reference. That starts a
 * {@code mediation-case} as usual (route advice, triage). The new case number is recorded on the trajectory and in
 * {@link ConflictCoachingProcess#MEDIATION_CASE_NUMBER}.
 *
 * <p>Not asynchronous on purpose: it runs in the transaction that completes "Coachingsgesprek vastleggen", so a wrong
 * address of the other party is refused in the Tasklist and the task stays open. The coaching's number is the
 * Idempotency-Key of the request, so the conversion can never make two cases.
 */
@Component("convertCoachingToMediation")
class ConvertToMediationDelegate implements JavaDelegate {

  /** The coach's view of where the person wants to meet, as a route preference for the mediation's triage. */
  private static final Map<String, String> ROUTE_PREFERENCE = Map.of(
      ConflictCoachingProcess.ONLINE, "ONLINE_VIDEO",
      ConflictCoachingProcess.IN_PERSON, "FACE_TO_FACE");

  private final CaseDirectory caseDirectory;
  private final CoachingTrajectoryRepository trajectories;
  private final CaseRequests caseRequests;
  private final Validator validator;
  private final Clock clock;

  ConvertToMediationDelegate(CaseDirectory caseDirectory, CoachingTrajectoryRepository trajectories,
      CaseRequests caseRequests, Validator validator, Clock clock) {
    this.caseDirectory = caseDirectory;
    this.trajectories = trajectories;
    this.caseRequests = caseRequests;
    this.validator = validator;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = execution.getProcessBusinessKey();
    MediationCase coaching = caseDirectory.find(number)
        .orElseThrow(() -> new ProcessEngineException("Coaching " + number + " bestaat niet"));
    CoachingTrajectory trajectory = trajectories.findById(number).orElseThrow();
    Party person = coaching.getParties().get(0);

    CaseRequest.PartyRequest other = new CaseRequest.PartyRequest(
        OTHER_PARTY_NAME.from(execution).map(String::strip).orElse(null),
        OTHER_PARTY_EMAIL.from(execution).map(String::strip).orElse(null),
        OTHER_PARTY_LANGUAGE.from(execution).orElse(null), false,
        OTHER_PARTY_PAYER.from(execution).orElse(null), null);
    CaseRequest request = new CaseRequest(coaching.getConflictType(), coaching.getSummary(),
        ESCALATION.from(execution).orElse(null),
        ROUTE_PREFERENCE.getOrDefault(trajectory.getPreferredForm(), "NO_PREFERENCE"),
        SAFETY_CONCERN.from(execution).orElse(false),
        new CaseRequest.Referrer("SELF", null, number),
        List.of(new CaseRequest.PartyRequest(person.getName(), person.getEmail(), person.getLanguage(), false,
            person.getPayer().name(), null), other));
    check(request, person);

    String mediationCase = caseRequests.register(request, "coaching:" + number).mediationCase().getCaseNumber();
    trajectory.convertedTo(mediationCase, clock.instant());
    ConflictCoachingProcess.MEDIATION_CASE_NUMBER.set(execution.getProcessInstance(), mediationCase);
  }

  /** Every problem at once, named by the form's fields, as a message for the Tasklist in the user's language. */
  private void check(CaseRequest request, Party person) {
    LocaleContext previous = LocaleContextHolder.getLocaleContext();
    List<String> problems;
    try {
      LocaleContextHolder.setLocale(FormRefusal.language());
      problems = validator.validate(request).stream()
          .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
          .map(ConvertToMediationDelegate::describe)
          .collect(Collectors.toList());
    } finally {
      LocaleContextHolder.setLocaleContext(previous);
    }
    String otherEmail = request.parties().get(1).email();
    if (otherEmail != null && otherEmail.toLowerCase(Locale.ROOT).equals(person.getEmail().toLowerCase(Locale.ROOT))) {
      problems.add(FormRefusal.phrase("coaching-conversion.same-email", person.getName()));
    }
    if (!problems.isEmpty()) {
      throw new FormRefusal("coaching-conversion.problems", String.join("; ", problems));
    }
  }

  private static String describe(ConstraintViolation<CaseRequest> violation) {
    String path = violation.getPropertyPath().toString();
    String field = switch (path) {
      case "escalation", "parties[1].name", "parties[1].email", "parties[1].language", "parties[1].payer" ->
          FormRefusal.phrase("coaching-conversion.field." + path.replace("parties[1].", "other-party-"));
      default -> path;
    };
    return field + " " + violation.getMessage();
  }
}
