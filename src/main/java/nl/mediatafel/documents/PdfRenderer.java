package nl.mediatafel.documents;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.function.BiPredicate;
import java.util.logging.Level;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * XHTML to PDF with openhtmltopdf, and signature pages appended with PDFBox, so that the same input always gives the
 * same bytes: a document's SHA-256 then identifies its content, and generating it again proves nothing changed.
 *
 * <p>Three things in a PDF normally change from run to run, and are fixed here: the creation date (openhtmltopdf
 * writes the current time) and modification date, which come from the caller instead; the producer, always
 * {@value #PRODUCER}; and the trailer's file identifier {@code /ID}, which PDFBox derives from the clock unless one is
 * present, and which is derived here from the content.
 *
 * <p>Texts use the PDF base-14 fonts (Helvetica, Courier), which need no font file and cover Western European text
 * including € and the Dutch accented letters (WinAnsi); a character outside that set prints as "#". The renderer may
 * not fetch anything over the network or from disk: templates are self-contained.
 */
@Component
class PdfRenderer {

  static final String PRODUCER = "Mediatafel";

  /** No images, style sheets or fonts from URLs or files: a template cannot make the server fetch anything. */
  private static final BiPredicate<String, ExternalResourceType> NOTHING_EXTERNAL = (uri, type) -> false;

  static {
    XRLog.setLoggerImpl(new Slf4jXRLogger());
  }

  /**
   * @param xhtml a well-formed XHTML document
   * @param date the document's date, written as its creation and modification date
   */
  byte[] render(String xhtml, ZonedDateTime date) {
    PdfRendererBuilder builder = new PdfRendererBuilder()
        .withHtmlContent(xhtml, null)
        .withProducer(PRODUCER)
        .useExternalResourceAccessControl(NOTHING_EXTERNAL, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
        .useExternalResourceAccessControl(NOTHING_EXTERNAL, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
    try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
      renderer.layout();
      renderer.createPDFWithoutClosing();
      PDDocument document = renderer.getPdfDocument();
      String title = document.getDocumentInformation().getTitle();
      return save(document, title, date, date, digest(xhtml.getBytes(StandardCharsets.UTF_8), date.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot render PDF", e);
    }
  }

  /**
   * The pages of {@code appendix} after those of {@code pdf}, keeping the title and creation date of {@code pdf}.
   *
   * @param modified written as the modification date
   */
  byte[] append(byte[] pdf, byte[] appendix, ZonedDateTime modified) {
    try (PDDocument document = Loader.loadPDF(pdf); PDDocument pages = Loader.loadPDF(appendix)) {
      PDDocumentInformation original = document.getDocumentInformation();
      String title = original.getTitle();
      Calendar created = original.getCreationDate();
      new PDFMergerUtility().appendDocument(document, pages);
      ZonedDateTime createdAt = created == null
          ? modified
          : ZonedDateTime.ofInstant(created.toInstant(), created.getTimeZone().toZoneId());
      return save(document, title, createdAt, modified, digest(pdf, appendix));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot append pages to PDF", e);
    }
  }

  private static byte[] save(PDDocument document, String title, ZonedDateTime created, ZonedDateTime modified,
      byte[] contentDigest) throws IOException {
    PDDocumentInformation info = new PDDocumentInformation();
    info.setTitle(title);
    info.setProducer(PRODUCER);
    info.setCreator(PRODUCER);
    info.setCreationDate(GregorianCalendar.from(created));
    info.setModificationDate(GregorianCalendar.from(modified));
    document.setDocumentInformation(info);
    // PDF 32000 §14.4: two byte strings, equal for a file as first written; 16 bytes as in the usual MD5-based ids
    byte[] id = Arrays.copyOf(contentDigest, 16);
    COSArray ids = new COSArray();
    ids.add(new COSString(id));
    ids.add(new COSString(id));
    document.getDocument().getTrailer().setItem(COSName.ID, ids);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    document.save(out);
    return out.toByteArray();
  }

  static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(digest(bytes));
  }

  private static byte[] digest(byte[] first, byte[] second) {
    MessageDigest sha256 = sha256();
    sha256.update(first);
    sha256.update(second);
    return sha256.digest();
  }

  private static byte[] digest(byte[] first, String second) {
    return digest(first, second.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] digest(byte[] bytes) {
    return sha256().digest(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  /**
   * openhtmltopdf logs through java.util.logging with a console handler of its own, bypassing the application's
   * logging, and reports every render at INFO ("Prepare to fly"). Its one global logger is replaced here: messages go
   * to SLF4J under {@code com.openhtmltopdf.<area>}, warnings and errors as such, its INFO chatter at debug.
   */
  static final class Slf4jXRLogger implements XRLogger {

    @Override
    public void log(String where, Level level, String message) {
      log(where, level, message, null);
    }

    @Override
    public void log(String where, Level level, String message, Throwable error) {
      Logger logger = LoggerFactory.getLogger(where);
      if (level.intValue() >= Level.SEVERE.intValue()) {
        logger.error(message, error);
      } else if (level.intValue() >= Level.WARNING.intValue()) {
        logger.warn(message, error);
      } else if (level.intValue() >= Level.FINE.intValue()) {
        logger.debug(message, error);
      } else {
        logger.trace(message, error);
      }
    }

    @Override
    public void setLevel(String logger, Level level) {
      // levels are configured in the application's logging configuration
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
      Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
      int level = diagnostic.getLevel().intValue();
      if (level >= Level.WARNING.intValue()) {
        return logger.isWarnEnabled();
      }
      return level >= Level.FINE.intValue() ? logger.isDebugEnabled() : logger.isTraceEnabled();
    }
  }
}
