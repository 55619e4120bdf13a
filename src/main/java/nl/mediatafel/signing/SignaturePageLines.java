package nl.mediatafel.signing;

import java.util.List;
import nl.mediatafel.cases.CaseDirectory;
import nl.mediatafel.cases.Party;
import nl.mediatafel.documents.SignatureLine;
import nl.mediatafel.documents.SignatureLineSource;
import nl.mediatafel.documents.StoredDocument;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The signature page of a signed document: each recorded signature, portal or paper, with the name as signed (the
 * party's name for signatures recorded before the typed name was kept), the method, and for the portal the confirmed
 * e-mail address.
 */
@Component
class SignaturePageLines implements SignatureLineSource {

  private final SignatureService signatures;
  private final CaseDirectory caseDirectory;
  private final MessageSource messages;

  SignaturePageLines(SignatureService signatures, CaseDirectory caseDirectory, MessageSource messages) {
    this.signatures = signatures;
    this.caseDirectory = caseDirectory;
    this.messages = messages;
  }

  @Override
  public List<SignatureLine> linesFor(StoredDocument document) {
    String role = messages.getMessage("signature.party", null, document.locale());
    return signatures.forDocument(document.id()).stream()
        .map(signature -> {
          Party party = caseDirectory.findParty(signature.partyId()).orElse(null);
          String name = signature.signedName() != null ? signature.signedName()
              : party != null ? party.getName() : "?";
          boolean portal = signature.method() == SignatureMethod.PORTAL;
          String email = !portal ? null : signature.email() != null ? signature.email()
              : party != null ? party.getEmail() : null;
          return new SignatureLine(name, role, signature.signedAt(),
              portal ? SignatureLine.PORTAL : SignatureLine.PAPER, email);
        })
        .toList();
  }
}
