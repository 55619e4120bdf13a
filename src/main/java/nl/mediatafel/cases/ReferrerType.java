package nl.mediatafel.cases;

/**
 * Who asked for the mediation, stored by name in {@code mediation_case.referrer_type} (check constraint in changeset
 * 220-domain-codes). The request API takes the name as text; pages show {@code request.referrerType.<NAME>}
 * ({@code i18n/request_*.properties}).
 */
public enum ReferrerType {
  SELF,
  LAWYER,
  COURT,
  FRONT_DESK,
  EMPLOYER,
  MEDIATION_CLAUSE
}
