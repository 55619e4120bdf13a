package nl.mediatafel.platform;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** The text of a PDF as a reader sees it, for assertions on generated documents. */
public final class PdfText {

  private PdfText() {}

  /** The text of every page in reading order, with every run of white space (line ends included) as one space. */
  public static String of(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return of(document, 1, document.getNumberOfPages());
    } catch (IOException e) {
      throw new IllegalStateException("Not a readable PDF", e);
    }
  }

  /** The text of pages {@code from} to {@code to} (1-based, inclusive). */
  public static String of(PDDocument document, int from, int to) {
    try {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      stripper.setStartPage(from);
      stripper.setEndPage(to);
      return stripper.getText(document).replaceAll("\\s+", " ");
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the text of a PDF", e);
    }
  }
}
