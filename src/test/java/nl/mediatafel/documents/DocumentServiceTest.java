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
  void theSameInputGivesTheSameBytesAndTheSameHash() {
    StoredDocument first = documents.generate("MED-TEST-D002", "MEDIATION_AGREEMENT", "mediation-agreement",
        DUTCH, agreementModel());
    StoredDocument second = documents.generate("MED-TEST-D002", "MEDIATION_AGREEMENT", "mediation-agreement",
        DUTCH, agreementModel());

    assertThat(second.id()).isNotEqualTo(first.id());
    assertThat(second.version()).isEqualTo(2);
    assertThat(second.sha256()).isEqualTo(first.sha256());
    assertThat(second.content()).isEqualTo(first.content());
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
  void theSignaturePageListsEverySignerInDutchTimeAndTheHashOfTheSignedDocument() throws IOException {
    StoredDocument document = documents.generate("MED-TEST-D004", "MEDIATION_AGREEMENT", "mediation-agreement",
        DUTCH, agreementModel());
    List<SignatureLine> signatures = List.of(
        new SignatureLine("Bram Jansen", "Partij", Instant.parse("2026-03-10T13:05:00Z")),
        new SignatureLine("Anna de Vries", "Partij", Instant.parse("2026-03-09T08:30:15Z")),
        new SignatureLine("Carla Bakker", "Mediator", Instant.parse("2026-03-10T15:00:00Z")));

    byte[] signed = documents.renderSigned(document.id(), signatures);

    try (PDDocument original = Loader.loadPDF(document.content()); PDDocument withPage = Loader.loadPDF(signed)) {
      int pages = original.getNumberOfPages();
      assertThat(withPage.getNumberOfPages()).isEqualTo(pages + 1);
      String lastPage = text(withPage, pages + 1, pages + 1);
      assertThat(lastPage)
          .contains("Ondertekening", "Mediationovereenkomst, versie 1, zaak MED-TEST-D004")
          .contains("Anna de Vries Partij 9 maart 2026, 09:30:15")
          .contains("Bram Jansen Partij 10 maart 2026, 14:05:00")
          .contains("Carla Bakker Mediator 10 maart 2026, 16:00:00")
          .contains(document.sha256());
      assertThat(lastPage.indexOf("Anna de Vries")).isLessThan(lastPage.indexOf("Bram Jansen"));
      assertThat(text(withPage, 1, pages)).isEqualTo(text(original, 1, pages));
    }
    assertThat(documents.renderSigned(document.id(), signatures)).isEqualTo(signed);
    assertThat(documents.find(document.id()).orElseThrow().content()).isEqualTo(document.content());
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
    model.put("agreedPoints", List.of("Afspraak"));
    assertThat(documents.templates()).containsExactly("cost-statement", "mediation-agreement",
        "settlement-agreement");
    int n = 0;
    for (String template : documents.templates()) {
      for (String language : DocumentService.LANGUAGES) {
        String text = text(documents.generate("MED-TEST-D008-" + n++, "COST_STATEMENT", template,
            Locale.forLanguageTag(language), model).content());
        assertThat(text).as("%s in %s", template, language).doesNotContain("??").contains("Anna de Vries");
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
