package nl.mediatafel.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import java.util.List;
import nl.mediatafel.platform.PdfArchive;
import org.junit.jupiter.api.Test;

/** What makes a PDF reproducible: dates from the caller, a fixed producer, a file identifier from the content. */
class PdfRendererTest {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final ZonedDateTime MARCH_5 = ZonedDateTime.of(2026, 3, 5, 0, 0, 0, 0, AMSTERDAM);
  private static final String XHTML = "<!DOCTYPE html><html><head><title>Proef</title></head>"
      + "<body><p>Tarief € 125,00 · beëindigen</p></body></html>";

  private final PdfRenderer renderer = new PdfRenderer();

  @Test
  void theDatesAreTheGivenDateAndTheProducerIsFixed() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(renderer.render(XHTML, MARCH_5))) {
      PDDocumentInformation info = pdf.getDocumentInformation();
      assertThat(info.getCreationDate().toInstant()).isEqualTo(Instant.parse("2026-03-04T23:00:00Z"));
      assertThat(info.getModificationDate().toInstant()).isEqualTo(Instant.parse("2026-03-04T23:00:00Z"));
      assertThat(info.getProducer()).isEqualTo(PdfRenderer.PRODUCER);
      assertThat(info.getTitle()).isEqualTo("Proef");
    }
  }

  @Test
  void theSameInputGivesTheSameBytesAndOtherContentAnotherFileIdentifier() throws IOException {
    byte[] first = renderer.render(XHTML, MARCH_5);

    assertThat(renderer.render(XHTML, MARCH_5)).isEqualTo(first);
    assertThat(renderer.render(XHTML, MARCH_5.plusDays(1))).isNotEqualTo(first);
    String otherText = XHTML.replace("125,00", "140,00");
    assertThat(fileIdentifier(renderer.render(otherText, MARCH_5))).isNotEqualTo(fileIdentifier(first));
  }

  @Test
  void appendingKeepsTheCreationDateAndAddsThePages() throws IOException {
    byte[] document = renderer.render(XHTML, MARCH_5);
    byte[] page = renderer.render(XHTML.replace("Proef", "Ondertekening"), MARCH_5.plusDays(5));

    byte[] both = renderer.append(document, page, MARCH_5.plusDays(5));

    try (PDDocument pdf = Loader.loadPDF(both)) {
      assertThat(pdf.getNumberOfPages()).isEqualTo(2);
      assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Proef");
      assertThat(pdf.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(MARCH_5.toInstant());
      assertThat(pdf.getDocumentInformation().getModificationDate().toInstant())
          .isEqualTo(MARCH_5.plusDays(5).toInstant());
    }
    assertThat(renderer.append(document, page, MARCH_5.plusDays(5))).isEqualTo(both);
    assertThat(DocumentServiceTest.text(both)).contains("Tarief € 125,00 · beëindigen");
  }

  @Test
  void everyPdfIsPdfA2bWithEmbeddedFontsThatPrintDutchLettersAndTheEuro() throws IOException {
    String xhtml = "<!DOCTYPE html><html><head><title>Proef</title><style>body { font-family: 'Liberation Sans'; }"
        + " .hash { font-family: 'Liberation Mono'; }</style></head>"
        + "<body><p>Tarief € 125,00 · beëindigen, café, reïntegratie, België, geüpdatet, coöperatie, één</p>"
        + "<p><b>vet</b> <i>schuin</i></p><p class=\"hash\">ab12</p></body></html>";

    byte[] pdf = renderer.render(xhtml, MARCH_5);
    byte[] appended = renderer.append(pdf, renderer.render(xhtml.replace("Proef", "Blad"), MARCH_5.plusDays(2)),
        MARCH_5.plusDays(2));

    for (byte[] bytes : List.of(pdf, appended)) {
      PdfArchive.assertPdfA(bytes);
      assertThat(PdfArchive.fonts(bytes)).allSatisfy(font -> assertThat(font).contains("Liberation"));
      assertThat(DocumentServiceTest.text(bytes))
          .contains("Tarief € 125,00 · beëindigen, café, reïntegratie, België, geüpdatet, coöperatie, één");
    }
  }

  private static String fileIdentifier(byte[] bytes) throws IOException {
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      COSArray ids = pdf.getDocument().getTrailer().getCOSArray(COSName.ID);
      assertThat(ids.size()).isEqualTo(2);
      return ((COSString) ids.getObject(0)).toHexString();
    }
  }
}
