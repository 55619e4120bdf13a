package nl.mediatafel.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.mediatafel.platform.MediatafelTest;
import nl.mediatafel.platform.PdfArchive;
import nl.mediatafel.platform.PdfText;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Documents as people read them (text extracted from the PDF) and as they are stored (versions, hashes). */
@MediatafelTest
class DocumentServiceTest {

  private static final Locale DUTCH = Locale.forLanguageTag("nl");
  private static final Locale ENGLISH = Locale.forLanguageTag("en");

  @Autowired DocumentService documents;

  @Test
  void aMediationAgreementNamesThePartiesTheMediatorTheRouteAndTheCosts() {
    StoredDocument document = documents.generate("MED-TEST-D001", "MEDIATION_AGREEMENT", "mediation-agreement",
        DUTCH, agreementModel());

    String text = text(document.content());
    assertThat(text)
        .contains("Mediationovereenkomst", "MED-TEST-D001", "5 maart 2026")
        .contains("Anna de Vries", "Bram Jansen", "Carla Bakker")
        .contains("online en asynchroon", "discussieforum", "Vertrouwelijkheid")
        .contains("Het uurtarief van de mediator bedraagt € 125,00, exclusief 21% btw.")
        .contains("eenmalig een vergoeding van € 95,00")
        .contains("Bram Jansen Toevoeging (gesubsidieerde rechtsbijstand)")
        .contains("Anna de Vries Eigen rekening")
        .doesNotContain("??");
    assertThat(document.version()).isEqualTo(1);
    assertThat(document.language()).isEqualTo("nl");
    assertThat(document.template()).isEqualTo("mediation-agreement");
    assertThat(document.sha256()).isEqualTo(PdfRenderer.sha256Hex(document.content())).hasSize(64);
    assertThat(document.isCurrent()).isTrue();
  }

  @Test
  void eachVersionStatesItsNumberInTheFooterAndOtherwiseTheSameInputGivesTheSameText() {
    StoredDocument first = documents.generate("MED-TEST-D002", "MEDIATION_AGREEMENT", "mediation-agreement",
        DUTCH, agreementModel());
    StoredDocument second = documents.generate("MED-TEST-D002", "MEDIATION_AGREEMENT", "mediation-agreement",
        DUTCH, agreementModel());

    assertThat(second.id()).isNotEqualTo(first.id());
    assertThat(second.version()).isEqualTo(2);
    assertThat(text(first.content())).contains("Zaak MED-TEST-D002 · versie 1 · vertrouwelijk");
    assertThat(text(second.content())).contains("Zaak MED-TEST-D002 · versie 2 · vertrouwelijk");
    assertThat(second.sha256()).as("the footer differs").isNotEqualTo(first.sha256());
    assertThat(text(second.content()).replace("versie 2", "versie 1")).isEqualTo(text(first.content()));
  }

  @Test
  void aNewVersionSupersedesTheEarlierOneOfTheSameTypeOnly() {
    StoredDocument costs = documents.generate("MED-TEST-D003", "COST_STATEMENT", "cost-statement", DUTCH,
        agreementModel());
    StoredDocument first = documents.generate("MED-TEST-D003", "MEDIATION_AGREEMENT", "mediation-agreement",
        DUTCH, agreementModel());
    Map<String, Object> higherRate = agreementModel();
    higherRate.put("hourlyRate", "140");
    StoredDocument second = documents.generate("MED-TEST-D003", "MEDIATION_AGREEMENT", "mediation-agreement",
        DUTCH, higherRate);

    assertThat(second.version()).isEqualTo(first.version() + 1);
    assertThat(second.sha256()).isNotEqualTo(first.sha256());
    assertThat(text(second.content())).contains("€ 140,00");
    assertThat(documents.current("MED-TEST-D003", "MEDIATION_AGREEMENT")).contains(second);
    StoredDocument earlier = documents.find(first.id()).orElseThrow();
    assertThat(earlier.isCurrent()).isFalse();
    assertThat(earlier.supersededAt()).isNotNull();
    assertThat(earlier.content()).isEqualTo(first.content());
    assertThat(documents.current("MED-TEST-D003", "COST_STATEMENT")).contains(costs);
  }

  @Test
  void theSignedVersionIsTheNextVersionWithTheOriginalPagesAndASignaturePageNamingEverySignatureAndTheHash()
      throws IOException {
    StoredDocument document = documents.generate("MED-TEST-D004", "MEDIATION_AGREEMENT", "mediation-agreement",
        DUTCH, agreementModel());
    List<SignatureLine> signatures = List.of(
        new SignatureLine("Bram Jansen", "Partij", Instant.parse("2026-03-10T13:05:00Z"), SignatureLine.PAPER, null),
        new SignatureLine("anna de vries", "Partij", Instant.parse("2026-03-09T08:30:15Z"), SignatureLine.PORTAL,
            "anna@example.nl"),
        new SignatureLine("Carla Bakker", "Mediator", Instant.parse("2026-03-10T15:00:00Z"), SignatureLine.PORTAL,
            "carla@mediatafel.example"));

    StoredDocument signed = documents.storeSigned(document.id(), signatures);

    assertThat(signed.version()).isEqualTo(2);
    assertThat(signed.isSigned()).isTrue();
    assertThat(signed.signedFrom()).isEqualTo(document.id());
    assertThat(signed.sha256()).isNotEqualTo(document.sha256()).isEqualTo(PdfRenderer.sha256Hex(signed.content()));
    assertThat(signed.fileName()).isEqualTo("MED-TEST-D004-mediation-agreement-v2-signed.pdf");
    assertThat(documents.current("MED-TEST-D004", "MEDIATION_AGREEMENT")).contains(signed);
    assertThat(documents.find(document.id()).orElseThrow().isCurrent()).isFalse();
    assertThat(documents.find(document.id()).orElseThrow().content()).isEqualTo(document.content());
    try (PDDocument original = Loader.loadPDF(document.content());
        PDDocument withPage = Loader.loadPDF(signed.content())) {
      int pages = original.getNumberOfPages();
      assertThat(withPage.getNumberOfPages()).isEqualTo(pages + 1);
      String lastPage = text(withPage, pages + 1, pages + 1);
      assertThat(lastPage)
          .contains("Ondertekening", "Dit blad hoort bij: Mediationovereenkomst, versie 1, zaak MED-TEST-D004")
          .contains("samen versie 2: de ondertekende versie")
          .contains("anna de vries, Partij Digitaal, in het portaal · 9 maart 2026, 09:30:15"
              + " · bevestigd e-mailadres anna@example.nl")
          .contains("Bram Jansen, Partij Op papier, gecontroleerd door het secretariaat · 10 maart 2026, 14:05:00"
              + " Carla Bakker")
          .contains("Carla Bakker, Mediator Digitaal, in het portaal · 10 maart 2026, 16:00:00"
              + " · bevestigd e-mailadres carla@mediatafel.example")
          .contains("SHA-256 van het origineel (versie 1): " + document.sha256())
          .contains("Zaak MED-TEST-D004 · versie 2, ondertekende versie van versie 1 · vertrouwelijk");
      assertThat(lastPage.indexOf("anna de vries")).isLessThan(lastPage.indexOf("Bram Jansen"));
      assertThat(text(withPage, 1, pages)).isEqualTo(text(original, 1, pages))
          .contains("Zaak MED-TEST-D004 · versie 1 · vertrouwelijk");
    }
    PdfArchive.assertPdfA(signed.content());
    assertThat(documents.storeSigned(document.id(), signatures)).as("a document has one signed version")
        .isEqualTo(signed);
    assertThat(documents.signedVersionOf(document.id())).contains(signed);
    assertThatThrownBy(() -> documents.storeSigned(signed.id(), signatures))
        .hasMessageContaining("itself a signed version");
  }

  @Test
  void theMediationAgreementHoldsEveryEssentialOfAnMfnRegisterAgreementInDutchAndEnglish() {
    String dutch = text(documents.generate("MED-TEST-D012", "MEDIATION_AGREEMENT", "mediation-agreement", DUTCH,
        agreementModel()).content());
    assertThat(dutch)
        .as("parties and mediator").contains("Anna de Vries", "Bram Jansen", "Carla Bakker, MfN-registermediator")
        .as("voluntary, ending at any time").contains("Deelname aan de mediation is vrijwillig",
            "op elk moment beëindigen")
        .as("confidentiality").contains("4. Vertrouwelijkheid", "is vertrouwelijk", "roepen de mediator niet op als getuige")
        .as("independence").contains("5. Onafhankelijkheid en onpartijdigheid", "onafhankelijk en onpartijdig")
        .as("costs and who pays").contains("7. Kosten", "uurtarief van de mediator bedraagt € 125,00",
            "Anna de Vries Eigen rekening", "Bram Jansen Toevoeging")
        .as("legal form of the settlement").contains("vaststellingsovereenkomst in de zin van artikel 7:900")
        .as("MfN rules and code of conduct").contains("MfN-mediationreglement van toepassing",
            "Gedragsregels voor de MfN-registermediator")
        .as("complaints and disciplinary law").contains("klachtenregeling van het MfN-register",
            "tuchtrecht van het MfN-register", "tuchtcommissie")
        .as("privacy").contains("Persoonsgegevens (AVG)", "Algemene verordening gegevensbescherming",
            "5 jaar bewaard", "inzage in en correctie", "Autoriteit Persoonsgegevens")
        .as("signatures").contains("Ondertekening", "ondertekeningsblad van de ondertekende versie")
        .doesNotContain("??");

    String english = text(documents.generate("MED-TEST-D013", "MEDIATION_AGREEMENT", "mediation-agreement", ENGLISH,
        agreementModel()).content());
    assertThat(english)
        .contains("Anna de Vries", "Bram Jansen", "Carla Bakker, MFN-registered mediator".replace("MFN", "MfN"))
        .contains("Participation in the mediation is voluntary", "end the mediation at any time")
        .contains("4. Confidentiality", "5. Independence and impartiality", "independent and impartial")
        .contains("7. Costs", "The mediator's hourly rate is € 125.00", "Anna de Vries Own account")
        .contains("article 7:900 of the Dutch Civil Code")
        .contains("MfN mediation rules (MfN-mediationreglement)", "code of conduct for MfN-registered mediators")
        .contains("complaints procedure of the MfN register", "disciplinary law (tuchtrecht)")
        .contains("Personal data (GDPR)", "kept for 5 years", "access and correct", "Autoriteit Persoonsgegevens")
        .contains("Signatures")
        .doesNotContain("??", "Vertrouwelijkheid");
  }

  @Test
  void noPlatformFeeIsChargedOnAFaceToFaceCase() {
    Map<String, Object> model = agreementModel();
    model.put("route", "FACE_TO_FACE");
    model.put("hours", 2);

    String agreement = text(documents.generate("MED-TEST-D014", "MEDIATION_AGREEMENT", "mediation-agreement", DUTCH,
        model).content());
    String costs = text(documents.generate("MED-TEST-D014", "COST_STATEMENT", "cost-statement", DUTCH, model)
        .content());

    assertThat(agreement).doesNotContain("platform", "95,00");
    assertThat(costs).doesNotContain("platform", "95,00").contains("Totaal exclusief btw € 250,00",
        "Totaal inclusief btw € 302,50");
  }

  @Test
  void anEnglishDocumentUsesEnglishTextsAndNumbers() {
    StoredDocument document = documents.generate("MED-TEST-D005", "MEDIATION_AGREEMENT", "mediation-agreement",
        ENGLISH, agreementModel());

    String text = text(document.content());
    assertThat(text)
        .contains("Mediation agreement", "Confidentiality", "5 March 2026")
        .contains("The mediator's hourly rate is € 125.00, excluding 21% VAT.")
        .contains("Bram Jansen Legal aid certificate")
        .doesNotContain("Vertrouwelijkheid", "uurtarief", "??");
    assertThat(document.language()).isEqualTo("en");
  }

  @Test
  void theCostStatementAddsHoursAndPlatformFeeAndVat() {
    Map<String, Object> model = agreementModel();
    model.put("hours", 6.5);

    String text = text(documents.generate("MED-TEST-D006", "COST_STATEMENT", "cost-statement", DUTCH, model)
        .content());

    assertThat(text)
        .contains("Kostenoverzicht")
        .contains("Begeleiding door de mediator (uren) 6,50 € 125,00 € 812,50")
        .contains("Eenmalige vergoeding online platform 1 € 95,00 € 95,00")
        .contains("Totaal exclusief btw € 907,50")
        .contains("Btw 21% € 190,58")
        .contains("Totaal inclusief btw € 1.098,08");
  }

  @Test
  void theSettlementAgreementListsTheAgreedPoints() {
    Map<String, Object> model = agreementModel();
    model.put("agreedPoints", List.of("Anna de Vries betaalt Bram Jansen € 2.500,00 vóór 1 mei 2026.",
        "Partijen overleggen elk kwartaal over de planning."));

    String text = text(documents.generate("MED-TEST-D007", "SETTLEMENT_AGREEMENT", "settlement-agreement", DUTCH,
        model).content());

    assertThat(text)
        .contains("Vaststellingsovereenkomst", "artikel 7:900 van het Burgerlijk Wetboek")
        .contains("1. Anna de Vries betaalt Bram Jansen € 2.500,00 vóór 1 mei 2026.")
        .contains("2. Partijen overleggen elk kwartaal over de planning.");
  }

  @Test
  void everyTemplateRendersInEveryLanguageWithoutAMissingText() {
    Map<String, Object> model = agreementModel();
    model.put("hours", 3);
    model.put("agreedPoints", List.of("Afspraak over de coöperatie en het café: € 1.250,00 vóór 1 mei"));
    model.put("parties", List.of(Map.of("name", "Anna de Vries", "payer", "SELF"),
        Map.of("name", "Zoë Müller", "payer", "LEGAL_AID")));
    assertThat(documents.templates()).containsExactly("cost-statement", "mediation-agreement",
        "settlement-agreement");
    int n = 0;
    for (String template : documents.templates()) {
      for (String language : DocumentService.LANGUAGES) {
        byte[] pdf = documents.generate("MED-TEST-D008-" + n++, "COST_STATEMENT", template,
            Locale.forLanguageTag(language), model).content();
        String text = text(pdf);
        assertThat(text).as("%s in %s", template, language).doesNotContain("??", "#")
            .contains("Anna de Vries", "Zoë Müller", "€");
        if (template.equals("settlement-agreement")) {
          assertThat(text).contains("coöperatie en het café: € 1.250,00 vóór 1 mei");
        }
        PdfArchive.assertPdfA(pdf);
      }
    }
  }

  @Test
  void modelValuesArePrintedAsTextNeverEvaluatedAsExpressions() {
    Map<String, Object> model = agreementModel();
    model.put("route", "X}${'inj' + 'ected'}");
    model.put("mediator", "<b>${'inj' + 'ected'}</b>");

    String text = text(documents.generate("MED-TEST-D011", "MEDIATION_AGREEMENT", "mediation-agreement", DUTCH,
        model).content());

    assertThat(text).contains("<b>${'inj' + 'ected'}</b>").doesNotContain("injected");
  }

  @Test
  void anUnknownTemplateIsRefusedWithTheNamesOfTheKnownOnes() {
    assertThatThrownBy(() -> documents.generate("MED-TEST-D009", "MEDIATION_AGREEMENT", "contract", DUTCH,
        agreementModel()))
        .isInstanceOf(UnknownTemplateException.class)
        .hasMessageContaining("'contract'")
        .hasMessageContaining("cost-statement, mediation-agreement, settlement-agreement");
    assertThatThrownBy(() -> documents.generate("MED-TEST-D009", "MEDIATION_AGREEMENT", "../landing", DUTCH,
        agreementModel())).isInstanceOf(UnknownTemplateException.class);
    assertThat(documents.current("MED-TEST-D009", "MEDIATION_AGREEMENT")).isEmpty();
  }

  @Test
  void aLanguageWithoutTextsIsRefused() {
    assertThatThrownBy(() -> documents.generate("MED-TEST-D010", "MEDIATION_AGREEMENT", "mediation-agreement",
        Locale.GERMAN, agreementModel()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'de'");
  }

  private static Map<String, Object> agreementModel() {
    Map<String, Object> model = new HashMap<>();
    model.put("mediator", "Carla Bakker");
    model.put("route", "ONLINE_ASYNC");
    model.put("hourlyRate", 125);
    model.put("platformFee", "95.00");
    model.put("documentDate", LocalDate.of(2026, 3, 5));
    model.put("parties", List.of(
        Map.of("name", "Anna de Vries", "payer", "SELF"),
        Map.of("name", "Bram Jansen", "payer", "LEGAL_AID")));
    return model;
  }

  /** The text of a PDF in reading order, with every run of white space (line ends included) as one space. */
  static String text(byte[] pdf) {
    return PdfText.of(pdf);
  }

  private static String text(PDDocument document, int from, int to) {
    return PdfText.of(document, from, to);
  }

}
