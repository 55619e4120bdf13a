package nl.mediatafel.cases;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a case stands, stored by name in {@code mediation_case.status} (check constraint in changeset
 * 220-domain-codes). Triage and closing set it in code, the models with {@code setCaseStatus} (input parameter
 * {@code status}: one of these names). People read it as words: {@code cases.status.<NAME>} in
 * {@code i18n/pages_*.properties}, {@code portal.status.<NAME>} in the portal; the JSON API sends the name.
 */
public enum CaseStatus {
  REQUESTED,
  INTAKE,
  AGREEMENT_SIGNED,
  SWITCH_ROUTE,
  AGREEMENT_REACHED,
  NO_AGREEMENT,
  SETTLED,
  SETTLEMENT_NOT_SIGNED,
  CLOSED(true),
  TERMINATED(true),
  REFERRED(true),
  STOPPED(true),
  SIGNING_CANCELLED(true),
  CONVERTED(true);

  private final boolean ended;

  CaseStatus() {
    this(false);
  }

  CaseStatus(boolean ended) {
    this.ended = ended;
  }

  /**
   * Whether a case in this status has ended, whichever way: closed, terminated after a withdrawal, referred at
   * triage, stopped at intake, signing of the mediation agreement cancelled, a coaching converted into a mediation.
   * No step follows, and nobody acts in the portal any more.
   */
  public boolean hasEnded() {
    return ended;
  }

  /** The key of this status's words for staff pages ({@code i18n/pages_*.properties}). */
  public String messageKey() {
    return "cases.status." + name();
  }

  /** The status with this name, if there is one. */
  public static Optional<CaseStatus> of(String name) {
    return Arrays.stream(values()).filter(status -> status.name().equals(name)).findFirst();
  }
}
