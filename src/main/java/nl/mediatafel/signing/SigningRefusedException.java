package nl.mediatafel.signing;

/**
 * A signature that may not be recorded: the document or the party does not belong to the case, or (portal) the
 * document is no longer the current version. The message is Dutch, for the secretariat in Tasklist; the portal
 * chooses its own page by {@link #reason()}.
 */
class SigningRefusedException extends RuntimeException {

  /** Why a signature was refused. */
  public enum Reason {
    /** There is no document with that id, or it belongs to another case. */
    UNKNOWN_DOCUMENT,
    /** A newer version of the document replaced it; only the current version can be signed in the portal. */
    SUPERSEDED_DOCUMENT,
    /** The party is not a party of the case, or has withdrawn. */
    NOT_A_SIGNER
  }

  private final Reason reason;

  SigningRefusedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
