package nl.mediatafel.documents;

import java.time.Instant;
import java.util.Objects;

/**
 * One signer on the signature page of a signed document.
 *
 * @param name the signer's name as it appears on the page
 * @param role the signer's role in the case as people read it, e.g. "Partij" or "Mediator"
 * @param signedAt when the signer signed; shown in Dutch time (Europe/Amsterdam)
 */
public record SignatureLine(String name, String role, Instant signedAt) {

  public SignatureLine {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(signedAt, "signedAt");
  }
}
