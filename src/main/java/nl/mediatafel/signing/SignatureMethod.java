package nl.mediatafel.signing;

/** How a party signed; stored by name in {@code signature.method}. */
public enum SignatureMethod {
  /** In the participant portal, through a personal link. */
  PORTAL,
  /** On paper, checked and recorded by the secretariat after the signing deadline passed. */
  PAPER
}
