package nl.mediatafel.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Whether a generated PDF is fit for the dossier: PDF/A-2b as veraPDF (the reference validator of the PDF
 * Association) judges it, and, spelled out so a failure says what is wrong, every font embedded, an sRGB output
 * intent, and XMP metadata that declares PDF/A-2b.
 */
public final class PdfArchive {

  static {
    // veraPDF reads its validation profiles with JAXB 2 (javax.xml.bind); Camunda and Spring Boot bring only the
    // Jakarta JAXB 4 runtime, whose packages clash with the JAXB 2 reference runtime, so EclipseLink MOXy serves here
    System.setProperty("javax.xml.bind.JAXBContextFactory", "org.eclipse.persistence.jaxb.JAXBContextFactory");
    VeraGreenfieldFoundryProvider.initialise();
  }

  private PdfArchive() {}

  /** Fails unless the PDF is valid PDF/A-2b with every font embedded. */
  public static void assertPdfA(byte[] pdf) {
    assertThat(fonts(pdf)).as("fonts of the PDF").isNotEmpty()
        .allSatisfy(font -> assertThat(font).as("font %s", font).endsWith("(embedded)"));
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<PDOutputIntent> intents = document.getDocumentCatalog().getOutputIntents();
      assertThat(intents).as("output intents").hasSize(1);
      assertThat(intents.get(0).getDestOutputIntent()).as("ICC profile of the output intent").isNotNull();
      assertThat(intents.get(0).getCOSObject().getNameAsString(COSName.S)).isEqualTo("GTS_PDFA1");
      assertThat(document.getDocumentCatalog().getMetadata()).as("XMP metadata").isNotNull();
      String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
      assertThat(xmp).containsPattern("pdfaid:part[^0-9]{1,3}2").containsPattern("pdfaid:conformance[^A-Z]{1,3}B");
    } catch (IOException e) {
      throw new IllegalStateException("Not a readable PDF", e);
    }
    ValidationResult result = validate(pdf);
    assertThat(failures(result)).as("veraPDF findings (PDF/A-2b)").isEmpty();
    assertThat(result.isCompliant()).isTrue();
  }

  /** Every font used on every page, nested forms included, as "name (embedded)" or "name (NOT embedded)". */
  public static List<String> fonts(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<String> fonts = new ArrayList<>();
      for (PDPage page : document.getPages()) {
        collect(page.getResources(), fonts, 0);
      }
      return fonts.stream().distinct().toList();
    } catch (IOException e) {
      throw new IllegalStateException("Not a readable PDF", e);
    }
  }

  private static void collect(PDResources resources, List<String> fonts, int depth) throws IOException {
    if (resources == null || depth > 10) {
      return;
    }
    for (COSName name : resources.getFontNames()) {
      PDFont font = resources.getFont(name);
      fonts.add(font.getName() + (font.isEmbedded() ? " (embedded)" : " (NOT embedded)"));
    }
    for (COSName name : resources.getXObjectNames()) {
      PDXObject object = resources.getXObject(name);
      if (object instanceof PDFormXObject form) {
        collect(form.getResources(), fonts, depth + 1);
      }
    }
  }

  private static ValidationResult validate(byte[] pdf) {
    try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf),
        PDFAFlavour.PDFA_2_B);
        PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
      return validator.validate(parser);
    } catch (Exception e) {
      throw new IllegalStateException("veraPDF cannot validate the PDF", e);
    }
  }

  private static List<String> failures(ValidationResult result) {
    return result.getTestAssertions().stream()
        .filter(assertion -> assertion.getStatus() == TestAssertion.Status.FAILED)
        .map(assertion -> assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber() + ": "
            + assertion.getMessage())
        .distinct()
        .collect(Collectors.toList());
  }
}
