package nl.mediatafel.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.mediatafel.cases.CaseRequest;
import nl.mediatafel.cases.CaseRequests;
import nl.mediatafel.cases.MediationCaseRepository;
import nl.mediatafel.platform.EmbeddedPostgres17;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Changeset 100-coaching on a real PostgreSQL 17: the case number counter keyed by prefix and year (its primary key
 * was replaced), so mediation cases and coaching trajectories each count from 0001, and the kind column with its
 * default. H2 is covered by the other tests. Runs in a JVM of its own (Failsafe), like {@code PostgresStartIT}.
 */
class CoachingOnPostgresIT {

  @Test
  void casesAndCoachingTrajectoriesEachHaveTheirOwnNumberSeriesOnPostgres() {
    try (ConfigurableApplicationContext app =
        EmbeddedPostgres17.startOn(EmbeddedPostgres17.productionProperties("coaching_check"))) {
      CoachingRequests coaching = app.getBean(CoachingRequests.class);
      CaseRequests mediation = app.getBean(CaseRequests.class);
      CoachingRequest request = new CoachingRequest("LABOUR", "Spanning met mijn leidinggevende.",
          new CoachingRequest.Person("Petra Verbeek", "petra@example.nl", "nl", "SELF"), "IN_PERSON");

      String firstCoaching = coaching.register(request, "pg-1").trajectory().getCaseNumber();
      String mediationCase = mediation.register(new CaseRequest("LABOUR", "Werktijden", "LOW", "NO_PREFERENCE",
          false, null, List.of(
              new CaseRequest.PartyRequest("A", "a@example.nl", "nl", false, "SELF", null),
              new CaseRequest.PartyRequest("B", "b@example.nl", "nl", false, "SELF", null))), null)
          .mediationCase().getCaseNumber();
      String secondCoaching = coaching.register(request, "pg-2").trajectory().getCaseNumber();

      assertThat(firstCoaching).matches("COA-\\d{4}-0001");
      assertThat(mediationCase).matches("MED-\\d{4}-0001");
      assertThat(secondCoaching).matches("COA-\\d{4}-0002");
      assertThat(coaching.register(request, "pg-1").trajectory().getCaseNumber()).isEqualTo(firstCoaching);
      MediationCaseRepository cases = app.getBean(MediationCaseRepository.class);
      assertThat(cases.findById(mediationCase).orElseThrow().getKind()).isEqualTo("MEDIATION");
      assertThat(cases.findById(secondCoaching).orElseThrow().getKind()).isEqualTo("COACHING");

      List<String> key = app.getBean(JdbcTemplate.class).queryForList("""
          select kcu.column_name from information_schema.table_constraints tc
          join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name
          where tc.table_name = 'case_number_counter' and tc.constraint_type = 'PRIMARY KEY'
          order by kcu.ordinal_position""", String.class);
      assertThat(key).containsExactly("prefix", "counter_year");
    }
  }
}
