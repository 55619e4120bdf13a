package nl.mediatafel.signing;

import java.util.List;
import nl.mediatafel.cases.Party;
import nl.mediatafel.cases.PartyRepository;
import nl.mediatafel.documents.SignatureLine;
import nl.mediatafel.documents.SignatureLineSource;
import nl.mediatafel.documents.StoredDocument;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The signature page of a signed document: each recorded signature (portal or paper) with the party's name. */
@Component
class SignaturePageLines implements SignatureLineSource {

  private final SignatureService signatures;
  private final PartyRepository parties;
  private final MessageSource messages;

  SignaturePageLines(SignatureService signatures, PartyRepository parties, MessageSource messages) {
    this.signatures = signatures;
    this.parties = parties;
    this.messages = messages;
  }

  @Override
  public List<SignatureLine> linesFor(StoredDocument document) {
    String role = messages.getMessage("signature.party", null, document.locale());
    return signatures.forDocument(document.id()).stream()
        .map(signature -> new SignatureLine(
            parties.findById(signature.partyId()).map(Party::getName).orElse("?"), role, signature.signedAt()))
        .toList();
  }
}
