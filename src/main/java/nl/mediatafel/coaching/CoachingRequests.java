package nl.mediatafel.coaching;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import nl.mediatafel.api.IdempotencyConflictException;
import nl.mediatafel.api.RequestKey;
import nl.mediatafel.cases.CaseDirectory;
import nl.mediatafel.cases.CaseNumbers;
import nl.mediatafel.cases.MediationCase;
import nl.mediatafel.cases.PayerKind;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers a request for conflict coaching: a {@code mediation_case} row of kind {@code COACHING} with its one
 * party, the {@code coaching_trajectory} row and the {@code conflict-coaching} process instance, in one transaction
 * (the engine shares Spring's), so a failure leaves nothing behind.
 */
@Service
class CoachingRequests {

  /** The trajectory a request led to; {@code created} is false for a repeat with the same Idempotency-Key. */
  public record Registration(MediationCase trajectory, boolean created) {}

  private final CaseDirectory caseDirectory;
  private final CoachingTrajectoryRepository trajectories;
  private final CoachingRequestKeyRepository keys;
  private final CaseNumbers numbers;
  private final RuntimeService runtimeService;
  private final ObjectMapper json;
  private final Clock clock;

  CoachingRequests(CaseDirectory caseDirectory, CoachingTrajectoryRepository trajectories,
      CoachingRequestKeyRepository keys, CaseNumbers numbers, RuntimeService runtimeService, ObjectMapper json,
      Clock clock) {
    this.caseDirectory = caseDirectory;
    this.trajectories = trajectories;
    this.keys = keys;
    this.numbers = numbers;
    this.runtimeService = runtimeService;
    this.json = json;
    this.clock = clock;
  }

  /**
   * @param request a request that passed bean validation
   * @param idempotencyKey optional; a repeated key with the same request returns the first trajectory
   * @throws IdempotencyConflictException when the key was used for a different request
   */
  @Transactional
  public Registration register(CoachingRequest request, String idempotencyKey) {
    String requestHash = hash(request);
    if (idempotencyKey != null) {
      var earlier = keys.findById(idempotencyKey);
      if (earlier.isPresent()) {
        return repeated(earlier.get(), requestHash);
      }
    }
    MediationCase trajectory = new MediationCase(numbers.next(ConflictCoachingProcess.NUMBER_PREFIX),
        request.conflictType(), request.summary().trim(), null, null, false, clock.instant());
    trajectory.ofKind(ConflictCoachingProcess.KIND);
    CoachingRequest.Person person = request.person();
    trajectory.addParty(person.name().trim(), person.email().trim(), person.language(), false,
        PayerKind.valueOf(person.payer()));
    caseDirectory.register(trajectory);
    String number = trajectory.getCaseNumber();
    trajectories.saveAndFlush(new CoachingTrajectory(number, request.preferredForm()));
    if (idempotencyKey != null) {
      keys.saveAndFlush(new CoachingRequestKey(idempotencyKey, requestHash, number, clock.instant()));
    }
    runtimeService.startProcessInstanceByKey(ConflictCoachingProcess.KEY, number, Map.of(
        ConflictCoachingProcess.CASE_NUMBER.name(), number,
        ConflictCoachingProcess.CONFLICT_TYPE.name(), trajectory.getConflictType(),
        ConflictCoachingProcess.PREFERRED_FORM.name(), request.preferredForm(),
        ConflictCoachingProcess.PERSON_NAME.name(), person.name().trim()));
    return new Registration(trajectory, true);
  }

  /** A concurrent duplicate with the same key lost the race at the primary key: answer with the winner's trajectory. */
  @Transactional(readOnly = true)
  public Registration afterConcurrentDuplicate(CoachingRequest request, String idempotencyKey) {
    CoachingRequestKey winner = keys.findById(idempotencyKey)
        .orElseThrow(() -> new IllegalStateException("no trajectory for key after a duplicate-key violation"));
    return repeated(winner, hash(request));
  }

  private Registration repeated(CoachingRequestKey earlier, String requestHash) {
    return new Registration(caseDirectory.find(earlier.caseNumberFor(requestHash)).orElseThrow(), false);
  }

  private String hash(CoachingRequest request) {
    return RequestKey.hash(json, request);
  }

  static boolean isDuplicateKey(DataIntegrityViolationException e) {
    return e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("coaching_request_key");
  }
}
