package nl.mediatafel.documents;

import nl.mediatafel.audit.Actors;
import nl.mediatafel.audit.CaseEventKind;
import nl.mediatafel.audit.CaseEvents;

import static nl.mediatafel.documents.DocumentModelSource.CASE_NUMBER;
import static nl.mediatafel.documents.DocumentModelSource.COSTS;
import static nl.mediatafel.documents.DocumentModelSource.DOCUMENT_DATE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Makes a case's documents: a Thymeleaf template ({@code templates/documents/<template>.html}, texts from
 * {@code i18n/documents_<language>.properties}) rendered to PDF, stored as the next version of its type for the case
 * with its SHA-256; the earlier versions are marked superseded but kept, because one of them may have been signed.
 *
 * <p>The PDF depends only on the template, the language, the model (including the document date) and the version
 * number its footer states, never on the time of generation: the same input gives the same bytes and so the same hash
 * (see {@link PdfRenderer}). Once everyone signed a version, {@link #storeSigned} stores the signed version: the same
 * pages plus a signature page, as the next version.
 */
@Service
public class DocumentService {

  /** Dates and times on documents are Dutch time. */
  public static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  /** The languages documents are written in; the first is the default. */
  public static final List<String> LANGUAGES = List.of("nl", "en");

  static final String TEMPLATE_FOLDER = "documents/";
  static final String SIGNATURE_PAGE = "documents/common/signature-page";
  static final String RETENTION_YEARS = "retentionYears";
  private static final String TEMPLATE_PATTERN = "classpath*:templates/documents/*.html";
  private static final Pattern TEMPLATE_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern DOCUMENT_TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
  private static final int CASE_NUMBER_LENGTH = 20;

  private final DocumentRepository documents;
  private final ITemplateEngine templateEngine;
  private final PdfRenderer pdf;
  private final Clock clock;
  private final List<String> templates;
  private final Period retention;
  private final CaseEvents events;

  /**
   * @param templateEngine Spring Boot's engine ({@code templates/}, HTML mode, messages from the application's
   *     MessageSource); named so that it still wins if another feature adds an engine of its own
   */
  DocumentService(DocumentRepository documents, ITemplateEngine templateEngine, PdfRenderer pdf, Clock clock,
      ResourcePatternResolver resources, @Value("${mediatafel.retention.dossier:P5Y}") Period retention,
      CaseEvents events) {
    this.events = events;
    this.retention = retention;
    this.documents = documents;
    this.templateEngine = templateEngine;
    this.pdf = pdf;
    this.clock = clock;
    this.templates = findTemplates(resources);
  }

  /** The names of the document templates, sorted: the files in {@code templates/documents/} without ".html". */
  public List<String> templates() {
    return templates;
  }

  /**
   * Renders and stores a new version of a document. Runs in the caller's transaction when there is one (a job of the
   * engine), so a failing process step leaves no document behind.
   *
   * @param caseNumber the case, at most 20 characters
   * @param documentType usually a {@link DocumentType} name; versions count per case and type
   * @param template one of {@link #templates()}
   * @param language one of {@link #LANGUAGES}
   * @param model the data the template prints (keys in {@link DocumentModelSource})
   * @throws UnknownTemplateException when the template does not exist
   */
  @Transactional
  public StoredDocument generate(String caseNumber, String documentType, String template, Locale language,
      Map<String, Object> model) {
    requireText("caseNumber", caseNumber);
    if (caseNumber.length() > CASE_NUMBER_LENGTH) {
      throw new IllegalArgumentException("Case number longer than " + CASE_NUMBER_LENGTH + ": " + caseNumber);
    }
    requireText("documentType", documentType);
    if (!DOCUMENT_TYPE.matcher(documentType).matches()) {
      throw new IllegalArgumentException("Document type must be upper case with underscores: " + documentType);
    }
    requireTemplate(template);
    String languageTag = requireLanguage(language);
    Objects.requireNonNull(model, "model");

    // the version is printed in the footer, so it is counted before rendering (in this transaction)
    int version = documents.findLatestVersion(caseNumber, documentType) + 1;
    Map<String, Object> variables = new HashMap<>(model);
    variables.put(CASE_NUMBER, caseNumber);
    variables.put("documentType", documentType);
    variables.put("version", version);
    // the mediation agreement tells parties how long their dossier is kept (the same setting closing uses)
    variables.put(RETENTION_YEARS, retention.toTotalMonths() / 12);
    LocalDate date = documentDate(model.get(DOCUMENT_DATE));
    variables.put(DOCUMENT_DATE, date);
    Costs.from(model).ifPresent(costs -> {
      variables.put(COSTS, costs);
      if (model.get(DocumentModelSource.PARTIES) instanceof List<?> parties && !parties.isEmpty()
          && parties.get(0) instanceof Map<?, ?>) {
        @SuppressWarnings("unchecked")
        List<Map<String, ?>> rows = (List<Map<String, ?>>) parties;
        Object own = model.get(DocumentModelSource.LEGAL_AID_OWN_CONTRIBUTION);
        variables.put(DocumentModelSource.COST_SHARES, costs.shares(rows,
            own == null ? java.math.BigDecimal.ZERO : new java.math.BigDecimal(own.toString())));
      }
    });
    String xhtml = templateEngine.process(TEMPLATE_FOLDER + template,
        new Context(Locale.forLanguageTag(languageTag), variables));
    byte[] content = pdf.render(xhtml, date.atStartOfDay(AMSTERDAM));

    // the database keeps microseconds; the returned document equals what a later read gives
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    documents.findByCaseNumberAndDocumentTypeAndSupersededAtIsNull(caseNumber, documentType)
        .forEach(earlier -> earlier.supersede(now));
    DocumentEntity stored = documents.save(new DocumentEntity(caseNumber, documentType, version, template,
        languageTag, content, PdfRenderer.sha256Hex(content), now));
    events.record(caseNumber, Actors.SYSTEM, CaseEventKind.DOCUMENT_MADE, documentType + " v" + version);
    return stored.toStoredDocument();
  }

  /** The current (latest, not superseded) version of a case's document of this type. */
  @Transactional(readOnly = true)
  public Optional<StoredDocument> current(String caseNumber, String documentType) {
    return documents.findFirstByCaseNumberAndDocumentTypeAndSupersededAtIsNullOrderByVersionDesc(caseNumber,
        documentType).map(DocumentEntity::toStoredDocument);
  }

  /** Every document of a case, every version, oldest first. */
  @Transactional(readOnly = true)
  public List<StoredDocument> ofCase(String caseNumber) {
    return documents.findByCaseNumberOrderByCreatedAt(caseNumber).stream().map(DocumentEntity::toStoredDocument)
        .toList();
  }

  /** Any version, current or superseded. */
  @Transactional(readOnly = true)
  public Optional<StoredDocument> find(UUID documentId) {
    return documents.findById(documentId).map(DocumentEntity::toStoredDocument);
  }

  /**
   * The signed version of a document, once everyone signed it: stored as the next version of its type, superseding
   * the original, made of the original's pages unchanged and a signature page that lists every signature (name as
   * typed, method, date and time in Dutch time, the confirmed e-mail address of a portal signature) and the SHA-256
   * of the original, which is what they signed. Idempotent: a document has at most one signed version, and asking
   * again returns it unchanged (a retried job, a mail that needs it).
   *
   * @param originalId the version that was signed; not itself a signed version
   * @param signatures every signature on it, at least one
   * @throws NoSuchElementException when there is no such document
   */
  @Transactional
  public StoredDocument storeSigned(UUID originalId, List<SignatureLine> signatures) {
    Optional<StoredDocument> earlier = signedVersionOf(originalId);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    StoredDocument original = find(originalId)
        .orElseThrow(() -> new NoSuchElementException("No document with id " + originalId));
    if (original.isSigned()) {
      throw new IllegalArgumentException("Document " + originalId + " is itself a signed version");
    }
    int version = documents.findLatestVersion(original.caseNumber(), original.documentType()) + 1;
    byte[] content = signedPdf(original, signatures, version);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    documents.findByCaseNumberAndDocumentTypeAndSupersededAtIsNull(original.caseNumber(), original.documentType())
        .forEach(current -> current.supersede(now));
    StoredDocument signed = documents.save(DocumentEntity.signed(original, version, content,
        PdfRenderer.sha256Hex(content), now)).toStoredDocument();
    events.record(original.caseNumber(), Actors.SYSTEM, CaseEventKind.DOCUMENT_MADE,
        original.documentType() + " v" + version);
    return signed;
  }

  /** The signed version of a document, if everyone signed it and it was stored ({@link #storeSigned}). */
  @Transactional(readOnly = true)
  public Optional<StoredDocument> signedVersionOf(UUID originalId) {
    return documents.findBySignedFrom(originalId).map(DocumentEntity::toStoredDocument);
  }

  /**
   * The stored PDF with the signature page appended, as it would be stored as {@code version}; the stored document
   * itself is not changed. The same signatures give the same bytes.
   */
  byte[] signedPdf(StoredDocument document, List<SignatureLine> signatures, int version) {
    if (signatures.isEmpty()) {
      throw new IllegalArgumentException("A signature page needs at least one signature");
    }
    List<Map<String, Object>> lines = signatures.stream()
        .sorted(Comparator.comparing(SignatureLine::signedAt).thenComparing(SignatureLine::name))
        .map(line -> {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("name", line.name());
          row.put("role", line.role());
          row.put("method", line.method());
          row.put("email", line.email());
          row.put("signedAt", line.signedAt().atZone(AMSTERDAM));
          return row;
        })
        .toList();
    Map<String, Object> variables = new HashMap<>();
    variables.put(CASE_NUMBER, document.caseNumber());
    variables.put("documentType", document.documentType());
    variables.put("version", version);
    variables.put("originalVersion", document.version());
    variables.put("sha256", document.sha256());
    variables.put("signatures", lines);
    String xhtml = templateEngine.process(SIGNATURE_PAGE, new Context(document.locale(), variables));
    ZonedDateTime lastSignature = signatures.stream().map(SignatureLine::signedAt).max(Comparator.naturalOrder())
        .orElseThrow().atZone(AMSTERDAM);
    byte[] page = pdf.render(xhtml, lastSignature);
    return pdf.append(document.content(), page, lastSignature);
  }

  private void requireTemplate(String template) {
    requireText("template", template);
    if (!templates.contains(template)) {
      throw new UnknownTemplateException(template, templates);
    }
  }

  private static String requireLanguage(Locale language) {
    Objects.requireNonNull(language, "language");
    String tag = language.getLanguage();
    if (!LANGUAGES.contains(tag)) {
      throw new IllegalArgumentException("No document texts in language '" + language.toLanguageTag()
          + "'; languages: " + String.join(", ", LANGUAGES));
    }
    return tag;
  }

  private static void requireText(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is missing");
    }
  }

  /** The document date from the model, or today in Amsterdam. */
  private LocalDate documentDate(Object value) {
    if (value == null) {
      return LocalDate.now(clock.withZone(AMSTERDAM));
    }
    if (value instanceof LocalDate date) {
      return date;
    }
    if (value instanceof Date date) {
      return date.toInstant().atZone(AMSTERDAM).toLocalDate();
    }
    if (value instanceof CharSequence text) {
      return LocalDate.parse(text);
    }
    throw new IllegalArgumentException("'" + DOCUMENT_DATE + "' is not a date but a " + value.getClass().getName());
  }

  static List<String> findTemplates(ResourcePatternResolver resources) {
    try {
      return Arrays.stream(resources.getResources(TEMPLATE_PATTERN))
          .map(Resource::getFilename)
          .filter(Objects::nonNull)
          .map(name -> name.substring(0, name.length() - ".html".length()))
          .filter(name -> TEMPLATE_NAME.matcher(name).matches())
          .distinct()
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + TEMPLATE_PATTERN, e);
    }
  }
}
