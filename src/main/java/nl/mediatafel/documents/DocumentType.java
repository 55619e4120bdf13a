package nl.mediatafel.documents;

/**
 * The kinds of documents a case produces. Stored by name in {@code document.document_type}; versions are counted per
 * case and type, so a new mediation agreement supersedes the earlier mediation agreement and nothing else.
 */
public enum DocumentType {
  /** Mediationovereenkomst: process, rules, confidentiality and costs, signed by every party before the sessions. */
  MEDIATION_AGREEMENT,
  /** Vaststellingsovereenkomst: the outcome of the mediation, signed by every party. */
  SETTLEMENT_AGREEMENT,
  /** Kostenoverzicht: hours, rate, platform fee and VAT when the case closes. */
  COST_STATEMENT
}
