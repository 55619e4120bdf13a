package nl.mediatafel.workspace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stage of a mediation case in plain words, derived from its status alone (no engine query): the statuses a case
 * goes through (set by triage, {@code setCaseStatus} in the models and closing) and the stage each belongs to. The
 * status stays {@code INTAKE} until the mediation agreement is signed, so that stage covers both.
 */
final class CaseStages {

  private static final Map<String, String> STAGE_OF_STATUS = new LinkedHashMap<>();

  static {
    STAGE_OF_STATUS.put("REQUESTED", "triage");
    STAGE_OF_STATUS.put("INTAKE", "intake");
    STAGE_OF_STATUS.put("AGREEMENT_SIGNED", "sessions");
    STAGE_OF_STATUS.put("SWITCH_ROUTE", "sessions");
    STAGE_OF_STATUS.put("AGREEMENT_REACHED", "settlement");
    STAGE_OF_STATUS.put("NO_AGREEMENT", "closing");
    STAGE_OF_STATUS.put("SETTLED", "closing");
    STAGE_OF_STATUS.put("SETTLEMENT_NOT_SIGNED", "closing");
    STAGE_OF_STATUS.put("CLOSED", "ended");
    STAGE_OF_STATUS.put("TERMINATED", "ended");
    STAGE_OF_STATUS.put("REFERRED", "ended");
    STAGE_OF_STATUS.put("STOPPED", "ended");
    STAGE_OF_STATUS.put("SIGNING_CANCELLED", "ended");
  }

  /** Every status of a mediation case, in the order of the stages. */
  static final List<String> STATUSES = List.copyOf(STAGE_OF_STATUS.keySet());

  private CaseStages() {}

  /** The message key of the stage of {@code status} ({@code cases.stage.…}), or null for an unknown status. */
  static String stageKey(String status) {
    String stage = STAGE_OF_STATUS.get(status);
    return stage == null ? null : "cases.stage." + stage;
  }
}
