package nl.mediatafel.intake;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.mediatafel.cases.CaseDirectory;
import nl.mediatafel.cases.MediationCaseProcess;
import nl.mediatafel.mail.MailDeliveryException;
import nl.mediatafel.mail.MailGateway;
import nl.mediatafel.mail.MailProperties;
import nl.mediatafel.mail.OutgoingMail;
import nl.mediatafel.mail.Recipient;
import nl.mediatafel.mail.RecipientDirectory;
import nl.mediatafel.portal.PortalAddress;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps a party's intake questionnaire: drafts as often as they like, one submission, after which the answers are
 * fixed and the case process hears {@code IntakeSubmitted} for that party. A safety concern is flagged to the
 * mediator and the secretariat by a mail without content; the other parties never learn of it.
 */
@Service
class IntakeService {

  private static final Logger LOG = LoggerFactory.getLogger(IntakeService.class);

  /** The answers were submitted before; they can no longer change. */
  public static class AlreadySubmittedException extends RuntimeException {}

  private final IntakeAnswerRepository answers;
  private final CaseDirectory caseDirectory;
  private final RuntimeService runtimeService;
  private final MailGateway mail;
  private final RecipientDirectory directory;
  private final MailProperties mailProperties;
  private final PortalAddress portal;
  private final Clock clock;

  IntakeService(IntakeAnswerRepository answers, CaseDirectory caseDirectory, RuntimeService runtimeService,
      MailGateway mail, RecipientDirectory directory, MailProperties mailProperties, PortalAddress portal,
      Clock clock) {
    this.answers = answers;
    this.caseDirectory = caseDirectory;
    this.runtimeService = runtimeService;
    this.mail = mail;
    this.directory = directory;
    this.mailProperties = mailProperties;
    this.portal = portal;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Optional<IntakeAnswer> of(UUID partyId) {
    return answers.findByPartyId(partyId);
  }

  @Transactional
  public IntakeAnswer saveDraft(String caseNumber, UUID partyId, IntakeForm form) {
    IntakeAnswer answer = open(caseNumber, partyId);
    answer.fill(form, clock.instant());
    return answers.save(answer);
  }

  @Transactional
  public IntakeAnswer submit(String caseNumber, UUID partyId, IntakeForm form) {
    IntakeAnswer answer = open(caseNumber, partyId);
    answer.fill(form, clock.instant());
    answer.submit(clock.instant());
    answers.save(answer);
    if (!IntakeProcess.intakeSubmitted(runtimeService, caseNumber, partyId.toString()).correlateIfWaiting()) {
      // the secretariat continued without this intake, or the case ended: the answers still count for the file
      LOG.info("Intake of a party in case {} arrived while the case was not waiting for it", caseNumber);
    }
    if (form.hasSafetyConcern()) {
      try {
        flagSafety(caseNumber);
      } catch (MailDeliveryException e) {
        // the submission stands; the flag is also on the answers the mediator reads before the conversation
        LOG.error("Safety flag of case {} could not be mailed: {}", caseNumber, e.getMessage());
      }
    }
    return answer;
  }

  private IntakeAnswer open(String caseNumber, UUID partyId) {
    IntakeAnswer answer = answers.findByPartyId(partyId).orElseGet(() -> new IntakeAnswer(caseNumber, partyId));
    if (answer.isSubmitted()) {
      throw new AlreadySubmittedException();
    }
    return answer;
  }

  private void flagSafety(String caseNumber) {
    String mediator = caseDirectory.find(caseNumber).map(c -> c.getMediator()).orElse(null);
    String tasklist = portal.baseUrl().resolve(URI.create("/camunda/app/tasklist/")).toString();
    List<OutgoingMail> mails = new java.util.ArrayList<>();
    for (Recipient staff : directory.caseStaff(mediator)) {
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("recipientName", staff.name());
      model.put("caseNumber", caseNumber);
      model.put("practiceName", mailProperties.practiceName());
      model.put("link", tasklist);
      mails.add(new OutgoingMail(caseNumber, "intake-safety-flag", staff, model, List.of()));
    }
    mail.queue(mails);
  }
}
