package nl.mediatafel.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import nl.mediatafel.cases.CaseRequests;
import nl.mediatafel.cases.Party;
import nl.mediatafel.cases.PartyRepository;
import nl.mediatafel.documents.DocumentService;
import nl.mediatafel.documents.StoredDocument;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.platform.TestClock;
import nl.mediatafel.signing.SignatureService.Recorded;
import nl.mediatafel.signing.SigningCases.SigningCase;
import nl.mediatafel.signing.SigningRefusedException.Reason;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Signatures as stored in {@code signature}: once per party and document version, only on the current version. */
@MediatafelTest
class SignatureServiceTest {

  private static final Instant MORNING = Instant.parse("2026-03-09T08:30:15Z");
  private static final Instant AFTERNOON = Instant.parse("2026-03-09T14:00:00Z");

  @Autowired SignatureService signatures;
  @Autowired CaseRequests requests;
  @Autowired PartyRepository parties;
  @Autowired DocumentService documents;
  @Autowired RuntimeService runtimeService;

  private SigningCases cases;
  private SigningCase signingCase;
  private StoredDocument agreement;
  private Party anna;

  @BeforeEach
  void caseWithAnAgreement() {
    cases = new SigningCases(requests, parties, documents, runtimeService);
    signingCase = cases.create(2);
    agreement = signingCase.agreement();
    anna = signingCase.party(0);
  }

  @Test
  void aPortalSignatureRecordsWhoWhenFromWhereAndTheHashOfTheSignedPdf() {
    Recorded recorded = signatures.recordPortalSignature(signingCase.caseNumber(), agreement.id(), anna.getId(),
        MORNING, "2001:db8::1", "Mozilla/5.0 " + "x".repeat(400));

    assertThat(recorded.created()).isTrue();
    Signature signature = recorded.signature();
    assertThat(signature.method()).isEqualTo(SignatureMethod.PORTAL);
    assertThat(signature.signedAt()).isEqualTo(MORNING);
    assertThat(signature.ip()).isEqualTo("2001:db8::1");
    assertThat(signature.userAgent()).hasSize(300).startsWith("Mozilla/5.0 x");
    assertThat(signature.recordedBy()).isNull();
    assertThat(signature.documentSha256()).isEqualTo(agreement.sha256());
    assertThat(signatures.find(agreement.id(), anna.getId())).contains(signature);
  }

  @Test
  void signingTwiceInThePortalKeepsTheFirstSignature() {
    Signature first = signatures.recordPortalSignature(signingCase.caseNumber(), agreement.id(), anna.getId(),
        MORNING, "192.0.2.1", "first browser").signature();

    Recorded again = signatures.recordPortalSignature(signingCase.caseNumber(), agreement.id(), anna.getId(),
        AFTERNOON, "192.0.2.2", "second browser");

    assertThat(again.created()).isFalse();
    assertThat(again.signature()).isEqualTo(first);
    assertThat(signatures.forDocument(agreement.id())).containsExactly(first);
  }

  @Test
  void recordingAPaperSignatureTwiceKeepsTheFirst() {
    Recorded first = signatures.recordPaperSignature(signingCase.caseNumber(), agreement.id(), anna.getId(),
        MORNING, "sanne");
    Recorded again = signatures.recordPaperSignature(signingCase.caseNumber(), agreement.id(), anna.getId(),
        AFTERNOON, "demo");

    assertThat(first.created()).isTrue();
    assertThat(first.signature().method()).isEqualTo(SignatureMethod.PAPER);
    assertThat(first.signature().recordedBy()).isEqualTo("sanne");
    assertThat(first.signature().ip()).isNull();
    assertThat(again.created()).isFalse();
    assertThat(again.signature()).isEqualTo(first.signature());
    assertThat(signatures.forDocument(agreement.id())).containsExactly(first.signature());
  }

  @Test
  void aPortalSignatureAfterAPaperOneKeepsThePaperOne() {
    Signature paper = signatures.recordPaperSignature(signingCase.caseNumber(), agreement.id(), anna.getId(),
        MORNING, "sanne").signature();

    Recorded portal = signatures.recordPortalSignature(signingCase.caseNumber(), agreement.id(), anna.getId(),
        AFTERNOON, null, null);

    assertThat(portal.created()).isFalse();
    assertThat(portal.signature()).isEqualTo(paper);
  }

  @Test
  void aSupersededVersionCannotBeSignedInThePortalButTheCurrentOneCan() {
    StoredDocument newer = cases.agreement(signingCase.caseNumber());

    assertThatThrownBy(() -> signatures.recordPortalSignature(signingCase.caseNumber(), agreement.id(), anna.getId(),
        MORNING, null, null))
        .isInstanceOfSatisfying(SigningRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.SUPERSEDED_DOCUMENT))
        .hasMessageContaining("nieuwere versie");
    assertThat(signatures.forDocument(agreement.id())).isEmpty();

    Signature signed = signatures.recordPortalSignature(signingCase.caseNumber(), newer.id(), anna.getId(), MORNING,
        null, null).signature();
    assertThat(signed.documentId()).isEqualTo(newer.id());
    assertThat(signed.documentSha256()).isEqualTo(newer.sha256());
  }

  @Test
  void aPartyThatSignedBeforeANewVersionCameKeepsThatSignature() {
    Signature signed = signatures.recordPortalSignature(signingCase.caseNumber(), agreement.id(), anna.getId(),
        MORNING, null, null).signature();
    cases.agreement(signingCase.caseNumber());

    Recorded again = signatures.recordPortalSignature(signingCase.caseNumber(), agreement.id(), anna.getId(),
        AFTERNOON, null, null);
    assertThat(again.created()).isFalse();
    assertThat(again.signature()).isEqualTo(signed);
  }

  @Test
  void aPaperSignatureOnAnOlderVersionIsStillRecordedForThatVersion() {
    cases.agreement(signingCase.caseNumber());

    Signature paper = signatures.recordPaperSignature(signingCase.caseNumber(), agreement.id(), anna.getId(), MORNING,
        "sanne").signature();
    assertThat(paper.documentSha256()).isEqualTo(agreement.sha256());
  }

  @Test
  void onlyPartiesAndDocumentsOfTheCaseCanSign() {
    SigningCase otherCase = cases.create(2);
    Party stranger = otherCase.party(0);

    assertThatThrownBy(() -> signatures.recordPortalSignature(signingCase.caseNumber(), agreement.id(),
        stranger.getId(), MORNING, null, null))
        .isInstanceOfSatisfying(SigningRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_SIGNER));
    assertThatThrownBy(() -> signatures.recordPaperSignature(signingCase.caseNumber(), otherCase.agreement().id(),
        anna.getId(), MORNING, "sanne"))
        .isInstanceOfSatisfying(SigningRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_DOCUMENT));
    assertThatThrownBy(() -> signatures.recordPortalSignature(signingCase.caseNumber(), UUID.randomUUID(),
        anna.getId(), MORNING, null, null))
        .isInstanceOfSatisfying(SigningRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_DOCUMENT));
    assertThat(signatures.forDocument(agreement.id())).isEmpty();
    assertThat(signatures.forDocument(otherCase.agreement().id())).isEmpty();
  }

  @Test
  void aSignatureCannotLieInTheFuture() {
    Instant tomorrow = TestClock.now().plus(1, ChronoUnit.DAYS);
    assertThatThrownBy(() -> signatures.recordPaperSignature(signingCase.caseNumber(), agreement.id(), anna.getId(),
        tomorrow, "sanne")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("toekomst");
    assertThat(signatures.find(agreement.id(), anna.getId())).isEmpty();
  }
}
