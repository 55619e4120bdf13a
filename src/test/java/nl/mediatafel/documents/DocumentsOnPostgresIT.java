package nl.mediatafel.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.mediatafel.platform.EmbeddedPostgres17;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The document table on a real PostgreSQL 17 (changeset 010-documents with Hibernate validating the entity): the PDF
 * in a {@code bytea}, times as {@code timestamp with time zone}, and a document stored and read back byte for byte.
 * H2 is covered by the other tests. Runs in a JVM of its own (Failsafe), like {@code PostgresStartIT}.
 */
class DocumentsOnPostgresIT {

  @Test
  void documentsAreStoredSupersededAndReadBackOnPostgres() {
    try (ConfigurableApplicationContext app =
        EmbeddedPostgres17.startOn(EmbeddedPostgres17.productionProperties("documents_check"))) {
      DocumentService documents = app.getBean(DocumentService.class);
      Map<String, Object> model = Map.of("hourlyRate", 100, "hours", 2, "documentDate", "2026-03-05");

      StoredDocument first = documents.generate("MED-PG-0001", "COST_STATEMENT", "cost-statement",
          Locale.forLanguageTag("nl"), model);
      StoredDocument second = documents.generate("MED-PG-0001", "COST_STATEMENT", "cost-statement",
          Locale.forLanguageTag("nl"), model);

      StoredDocument earlier = documents.find(first.id()).orElseThrow();
      assertThat(earlier.content()).isEqualTo(first.content());
      assertThat(earlier.sha256()).isEqualTo(first.sha256())
          .as("the footer states the version").isNotEqualTo(second.sha256());
      assertThat(earlier.isCurrent()).isFalse();
      assertThat(documents.current("MED-PG-0001", "COST_STATEMENT")).contains(second);

      List<Map<String, Object>> columns = app.getBean(JdbcTemplate.class).queryForList(
          "select column_name, data_type from information_schema.columns where table_name = 'document'");
      Map<Object, Object> types = new HashMap<>();
      columns.forEach(column -> types.put(column.get("column_name"), column.get("data_type")));
      assertThat(types).containsEntry("id", "uuid")
          .containsEntry("content", "bytea")
          .containsEntry("sha256", "character")
          .containsEntry("created_at", "timestamp with time zone")
          .containsEntry("superseded_at", "timestamp with time zone")
          .containsEntry("signed_from", "uuid");
    }
  }
}
