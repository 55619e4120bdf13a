package nl.mediatafel.cases;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.mediatafel.api.IdempotencyConflictException;
import nl.mediatafel.api.InvalidRequestException;
import nl.mediatafel.api.InvalidRequestException.FieldProblem;
import nl.mediatafel.api.RequestKey;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers a request for mediation: the case and its parties in our tables and the case's process instance, in one
 * transaction (the engine shares Spring's), so a failure leaves nothing behind.
 */
@Service
public class CaseRequests {

  /** The case a request led to; {@code created} is false for a repeated request with the same Idempotency-Key. */
  public record Registration(MediationCase mediationCase, boolean created) {}

  private final MediationCaseRepository cases;
  private final CaseRequestKeyRepository keys;
  private final CaseNumbers caseNumbers;
  private final RuntimeService runtimeService;
  private final MessageSource messages;
  private final ObjectMapper json;
  private final Clock clock;

  CaseRequests(MediationCaseRepository cases, CaseRequestKeyRepository keys, CaseNumbers caseNumbers,
      RuntimeService runtimeService, MessageSource messages, ObjectMapper json, Clock clock) {
    this.cases = cases;
    this.keys = keys;
    this.caseNumbers = caseNumbers;
    this.runtimeService = runtimeService;
    this.messages = messages;
    this.json = json;
    this.clock = clock;
  }

  /**
   * @param request a request that passed bean validation
   * @param idempotencyKey optional; a repeated key with the same request returns the first case
   * @throws InvalidRequestException for rules across fields
   * @throws IdempotencyConflictException when the key was used for a different request
   */
  @Transactional
  public Registration register(CaseRequest request, String idempotencyKey) {
    checkDistinctEmails(request);
    String requestHash = hash(request);
    if (idempotencyKey != null) {
      var earlier = keys.findById(idempotencyKey);
      if (earlier.isPresent()) {
        return repeated(earlier.get(), requestHash);
      }
    }
    MediationCase mediationCase = new MediationCase(caseNumbers.next(), request.conflictType(),
        request.summary().trim(), request.escalation(), request.preferredRoute(), request.safetyConcern(),
        clock.instant());
    if (request.referrer() != null) {
      mediationCase.referredBy(ReferrerType.valueOf(request.referrer().type()), request.referrer().name(),
          request.referrer().reference());
    }
    for (CaseRequest.PartyRequest partyRequest : request.parties()) {
      Party party = mediationCase.addParty(partyRequest.name().trim(), partyRequest.email().trim(),
          partyRequest.language(), Boolean.TRUE.equals(partyRequest.abroad()),
          PayerKind.valueOf(partyRequest.payer()));
      if (partyRequest.advisor() != null) {
        party.advisedBy(partyRequest.advisor().name().trim(), partyRequest.advisor().email().trim());
      }
    }
    cases.saveAndFlush(mediationCase);
    if (idempotencyKey != null) {
      keys.saveAndFlush(new CaseRequestKey(idempotencyKey, requestHash, mediationCase.getCaseNumber(),
          clock.instant()));
    }
    runtimeService.startProcessInstanceByKey(MediationCaseProcess.KEY, mediationCase.getCaseNumber(),
        startVariables(mediationCase));
    return new Registration(mediationCase, true);
  }

  /** A concurrent duplicate with the same key lost the race at the primary key: answer with the winner's case. */
  @Transactional(readOnly = true)
  public Registration afterConcurrentDuplicate(CaseRequest request, String idempotencyKey) {
    CaseRequestKey winner = keys.findById(idempotencyKey)
        .orElseThrow(() -> new IllegalStateException("no case for key after a duplicate-key violation"));
    return repeated(winner, hash(request));
  }

  private Registration repeated(CaseRequestKey earlier, String requestHash) {
    return new Registration(cases.findById(earlier.caseNumberFor(requestHash)).orElseThrow(), false);
  }

  private static Map<String, Object> startVariables(MediationCase mediationCase) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(MediationCaseProcess.CASE_NUMBER.name(), mediationCase.getCaseNumber());
    variables.put(MediationCaseProcess.CONFLICT_TYPE.name(), mediationCase.getConflictType());
    variables.put(MediationCaseProcess.ESCALATION.name(), mediationCase.getEscalation());
    variables.put(MediationCaseProcess.PARTY_COUNT.name(), mediationCase.getParties().size());
    variables.put(MediationCaseProcess.ANY_PARTY_ABROAD.name(),
        mediationCase.getParties().stream().anyMatch(Party::isAbroad));
    variables.put(MediationCaseProcess.PREFERRED_ROUTE.name(), mediationCase.getPreferredRoute());
    variables.put(MediationCaseProcess.SAFETY_CONCERN.name(), mediationCase.isSafetyConcern());
    variables.put(MediationCaseProcess.PARTY_IDS.name(),
        new ArrayList<>(mediationCase.getParties().stream().map(party -> party.getId().toString()).toList()));
    return variables;
  }

  private void checkDistinctEmails(CaseRequest request) {
    List<FieldProblem> problems = CaseRequest.repeatedEmails(request).stream()
        .map(field -> new FieldProblem(field,
            messages.getMessage("request.duplicate-email", null, LocaleContextHolder.getLocale())))
        .toList();
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
  }

  private String hash(CaseRequest request) {
    return RequestKey.hash(json, request);
  }

  static boolean isDuplicateKey(DataIntegrityViolationException e) {
    return e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("case_request_key");
  }
}
