package nl.mediatafel.documents;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Calendar;
import java.util.EnumSet;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.logging.Level;
import javax.xml.transform.TransformerException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;
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
 * <p>Every PDF is PDF/A-2b (ISO 19005-2, level B), so that a dossier kept for years can still be read and shows the
 * same: the fonts are embedded (Liberation Sans and Liberation Mono from {@code fonts/} on the class path, SIL Open
 * Font License, subset to the letters used; they cover € and every Dutch accented letter), the colours are tied to an
 * sRGB output intent (the Java runtime's own sRGB profile), and the XMP metadata says "PDF/A-2b" and repeats exactly
 * the document information (title, producer, dates). The templates name the font families {@value #SANS} and
 * {@value #MONO} only: a generic family such as {@code sans-serif} would fall back to a non-embedded base-14 font.
 * The renderer may not fetch anything over the network or from disk: templates are self-contained.
 */
@Component
class PdfRenderer {

  static final String PRODUCER = "Mediatafel";
  /** The font families the document templates may use. */
  static final String SANS = "Liberation Sans";
  static final String MONO = "Liberation Mono";
  static final PdfAConformance CONFORMANCE = PdfAConformance.PDFA_2_B;

  private static final List<Font> FONTS = List.of(
      new Font(SANS, "LiberationSans-Regular.ttf", 400, FontStyle.NORMAL),
      new Font(SANS, "LiberationSans-Bold.ttf", 700, FontStyle.NORMAL),
      new Font(SANS, "LiberationSans-Italic.ttf", 400, FontStyle.ITALIC),
      new Font(SANS, "LiberationSans-BoldItalic.ttf", 700, FontStyle.ITALIC),
      new Font(MONO, "LiberationMono-Regular.ttf", 400, FontStyle.NORMAL));
  private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

  /** A font file, read once. */
  private record Font(String family, String file, int weight, FontStyle style, byte[] data) {
    Font(String family, String file, int weight, FontStyle style) {
      this(family, file, weight, style, read("fonts/" + file));
    }

    private static byte[] read(String resource) {
      try (InputStream in = PdfRenderer.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("Font " + resource + " is missing from the class path");
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read font " + resource, e);
      }
    }
  }

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
        .useFastMode()
        .withHtmlContent(xhtml, null)
        .withProducer(PRODUCER)
        .usePdfAConformance(CONFORMANCE)
        .useColorProfile(SRGB)
        .useExternalResourceAccessControl(NOTHING_EXTERNAL, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
        .useExternalResourceAccessControl(NOTHING_EXTERNAL, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
    for (Font font : FONTS) {
      // the sans fonts are also the last resort of any other family, so nothing falls back to a base-14 font
      Set<FSFontUseCase> useCases = font.family().equals(SANS)
          ? EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.FALLBACK_FINAL) : EnumSet.of(FSFontUseCase.DOCUMENT);
      builder.useFont(() -> new ByteArrayInputStream(font.data()), font.family(), font.weight(), font.style(), true,
          useCases);
    }
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
    document.getDocumentCatalog().setMetadata(xmp(document, title, created, modified));
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

  /**
   * PDF/A metadata: the PDF/A part and level, and the same title, producer, creator tool and dates as the document
   * information dictionary (PDF/A-2 §6.6.3 requires them to agree), so a validator finds no mismatch after
   * {@link #append} changed the modification date.
   */
  private static PDMetadata xmp(PDDocument document, String title, ZonedDateTime created, ZonedDateTime modified)
      throws IOException {
    try {
      XMPMetadata xmp = XMPMetadata.createXMPMetadata();
      if (title != null) {
        DublinCoreSchema dublinCore = xmp.createAndAddDublinCoreSchema();
        dublinCore.setTitle(title);
      }
      XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
      basic.setCreatorTool(PRODUCER);
      basic.setCreateDate(GregorianCalendar.from(created));
      basic.setModifyDate(GregorianCalendar.from(modified));
      AdobePDFSchema adobe = xmp.createAndAddAdobePDFSchema();
      adobe.setProducer(PRODUCER);
      PDFAIdentificationSchema pdfa = xmp.createAndAddPDFAIdentificationSchema();
      pdfa.setPart(CONFORMANCE.getPart());
      pdfa.setConformance(CONFORMANCE.getConformanceValue());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new XmpSerializer().serialize(xmp, out, true);
      PDMetadata metadata = new PDMetadata(document);
      metadata.importXMPMetadata(out.toByteArray());
      return metadata;
    } catch (BadFieldValueException | TransformerException e) {
      throw new IOException("Cannot write the PDF/A metadata", e);
    }
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
