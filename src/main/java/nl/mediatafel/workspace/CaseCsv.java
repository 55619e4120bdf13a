package nl.mediatafel.workspace;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The case list as CSV for Dutch Excel: UTF-8 with a byte-order mark, {@code ;} between fields, CRLF between rows, a
 * header row with the JSON field names. A field with {@code ;}, a quote or a line break is quoted (quotes doubled);
 * a field that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading
 * {@code '}, so a spreadsheet shows it as text instead of running it as a formula. Times are Europe/Amsterdam.
 */
final class CaseCsv {

  static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
  static final List<String> HEADER = List.of("caseNumber", "status", "stage", "route", "mediator", "openedAt",
      "parties");
  private static final String BOM = "\uFEFF";
  private static final DateTimeFormatter OPENED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(CaseListQuery.AMSTERDAM);

  private CaseCsv() {}

  /** The rows; status and route in words ({@code words} reads a message key in the reader's language). */
  static String of(List<CaseList.Item> items, Function<String, String> words) {
    StringBuilder csv = new StringBuilder(BOM).append(row(HEADER.stream()));
    for (CaseList.Item item : items) {
      csv.append(row(Stream.of(item.caseNumber(), words.apply(item.status().messageKey()), item.stage(),
          item.route() == null ? null : words.apply(item.route().messageKey()), item.mediator(),
          item.openedAt() == null ? null : OPENED.format(item.openedAt()), String.join(", ", item.parties()))));
    }
    return csv.toString();
  }

  static ResponseEntity<byte[]> download(List<CaseList.Item> items, Function<String, String> words) {
    return ResponseEntity.ok()
        .contentType(TEXT_CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("dossiers.csv").build()
            .toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header("X-Content-Type-Options", "nosniff")
        .body(of(items, words).getBytes(StandardCharsets.UTF_8));
  }

  private static String row(Stream<String> fields) {
    return fields.map(CaseCsv::field).collect(Collectors.joining(";")) + "\r\n";
  }

  static String field(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String text = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    boolean quote = text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")
        || text.contains(",") || !text.equals(text.strip());
    return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }
}
