package nl.mediatafel.cases;

/**
 * Who pays a party's share, stored by name in {@code party.payer} (check constraint in changeset 220-domain-codes):
 * the party itself, the employer, a legal expenses insurer, or legal aid (a "toevoeging"). The request API takes the
 * name as text ({@link CaseRequest#PAYERS}); documents show it as {@code payer.<NAME>}
 * ({@code i18n/documents_*.properties}).
 */
public enum PayerKind {
  SELF,
  EMPLOYER,
  INSURER,
  LEGAL_AID
}
