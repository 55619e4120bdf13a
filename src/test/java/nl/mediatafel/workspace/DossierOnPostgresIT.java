package nl.mediatafel.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import nl.mediatafel.audit.CaseEventKind;
import nl.mediatafel.audit.CaseEvents;
import nl.mediatafel.cases.CaseRequest;
import nl.mediatafel.cases.CaseRequests;
import nl.mediatafel.cases.MediationCaseProcess;
import nl.mediatafel.platform.EmbeddedPostgres17;
import nl.mediatafel.process.CaseVariables;
import nl.mediatafel.process.ProcessVariable;
import nl.mediatafel.security.StaffGroup;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The dossier's reads on a real PostgreSQL 17 (changeset 230-case-events, the native history query of the timeline,
 * {@code fetch first} on {@code case_event}); H2 is covered by {@code DossierTest}. Runs in a JVM of its own
 * (Failsafe), like {@code CoachingOnPostgresIT}.
 */
class DossierOnPostgresIT {

  @Test
  void theTimelineMergesHistoryAndCaseEventsOnPostgres() {
    try (ConfigurableApplicationContext app =
        EmbeddedPostgres17.startOn(EmbeddedPostgres17.productionProperties("dossier_check"))) {
      String number = app.getBean(CaseRequests.class).register(new CaseRequest("LABOUR", "Werktijden", "LOW",
          "NO_PREFERENCE", false, null, List.of(
              new CaseRequest.PartyRequest("Anne", "anne@example.nl", "nl", false, "SELF", null),
              new CaseRequest.PartyRequest("Bert", "bert@example.nl", "nl", false, "LEGAL_AID", null))), null)
          .mediationCase().getCaseNumber();
      IdentityService identity = app.getBean(IdentityService.class);
      if (identity.createUserQuery().userId("anna").count() == 0) { // production profile: no demo accounts
        identity.saveUser(identity.newUser("anna"));
        identity.createMembership("anna", StaffGroup.MEDIATORS.id());
      }
      TaskService tasks = app.getBean(TaskService.class);
      tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(number).singleResult().getId(),
          ProcessVariable.map(MediationCaseProcess.TRIAGE_DECISION.with(MediationCaseProcess.ACCEPT),
              MediationCaseProcess.SUITABILITY_JUDGEMENT.with("Past"),
              MediationCaseProcess.ROUTE.with("FACE_TO_FACE"), CaseVariables.MEDIATOR.with("anna"),
              MediationCaseProcess.HOURLY_RATE.with(120.0)));
      app.getBean(CaseEvents.class).record(number, "anna", CaseEventKind.FORUM_VIEWED, null);

      identity.setAuthentication("sanne", List.of(StaffGroup.SECRETARIAT.id()));
      Dossier.View view;
      try {
        view = app.getBean(Dossier.class).forCurrentUser(number, 5, Locale.forLanguageTag("nl"));
      } finally {
        identity.clearAuthentication();
      }

      assertThat(view.parties()).extracting(Dossier.PartyRow::name).containsExactly("Anne", "Bert");
      assertThat(view.timeline().entries()).hasSize(5);
      assertThat(view.timeline().more()).isTrue();
      assertThat(view.timeline().entries().get(0).what()).isEqualTo("Forum ingezien, aparte gesprekken inbegrepen");
      assertThat(view.timeline().entries()).extracting(Timeline.Entry::source).contains("process");
      identity.setAuthentication("sanne", List.of(StaffGroup.SECRETARIAT.id()));
      try {
        assertThat(app.getBean(Dossier.class).forCurrentUser(number, 200, Locale.forLanguageTag("nl")).timeline()
            .entries()).extracting(Timeline.Entry::what).contains("Taak afgerond: Aanmelding beoordelen");
      } finally {
        identity.clearAuthentication();
      }
    }
  }
}
