package nl.mediatafel.documents;

import java.time.Instant;
import java.util.Objects;

/**
 * One signer on the signature page of a signed document.
 *
 * @param name the signer's name as it appears on the page
 * @param role the signer's role in the case as people read it, e.g. "Partij" or "Mediator"
 * @param signedAt when the signer signed; shown in Dutch time (Europe/Amsterdam)
 * @param method how: {@value #PORTAL} or {@value #PAPER} (texts {@code signed.method.*})
 * @param email portal only: the e-mail address whose personal link the signer confirmed; {@code null} on paper
 */
public record SignatureLine(String name, String role, Instant signedAt, String method, String email) {

  public static final String PORTAL = "PORTAL";
  public static final String PAPER = "PAPER";

  public SignatureLine {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(signedAt, "signedAt");
    Objects.requireNonNull(method, "method");
    if (!method.equals(PORTAL) && !method.equals(PAPER)) {
      throw new IllegalArgumentException("Signature method must be PORTAL or PAPER, not " + method);
    }
  }

  /** A signature in the portal, without a known address. */
  public SignatureLine(String name, String role, Instant signedAt) {
    this(name, role, signedAt, PORTAL, null);
  }
}
