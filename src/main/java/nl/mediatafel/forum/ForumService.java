package nl.mediatafel.forum;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.mediatafel.cases.CaseDirectory;
import nl.mediatafel.cases.MediationCase;
import nl.mediatafel.cases.Party;
import nl.mediatafel.mail.MailGateway;
import nl.mediatafel.mail.MailProperties;
import nl.mediatafel.mail.OutgoingMail;
import nl.mediatafel.mail.Recipient;
import nl.mediatafel.mail.RecipientDirectory;
import nl.mediatafel.mail.RecipientRole;
import nl.mediatafel.portal.PortalAction;
import nl.mediatafel.portal.PortalLink.Audience;
import nl.mediatafel.portal.PortalLinks;
import nl.mediatafel.portal.PortalAddress;
import nl.mediatafel.process.CaseVariables;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The forum of a case (seed 002): posts, which threads a participant sees, read markers and unread counts. After a
 * post, whoever should know gets a mail without the text (a mediator post in the joint thread: every active party; in a
 * caucus: that party; a party's post: the mediator), and a party's post is correlated to the case's
 * {@code online-mediation} instance as {@link OnlineMediationProcess.Messages#FORUM_MESSAGE_POSTED}.
 */
@Service
public class ForumService {

  /** The longest post, in characters (the column is varchar(4000)). */
  public static final int MAX_TEXT_LENGTH = 4000;
  static final String PARTY_MAIL = "forum-message";
  static final String MEDIATOR_MAIL = "forum-message-mediator";

  private static final Logger LOG = LoggerFactory.getLogger(ForumService.class);
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private final ForumPostRepository posts;
  private final ForumReadMarkerRepository markers;
  private final CaseDirectory caseDirectory;
  private final RuntimeService runtimeService;
  private final MailGateway gateway;
  private final RecipientDirectory directory;
  private final PortalLinks portalLinks;
  private final PortalAddress portal;
  private final MailProperties mail;
  private final Clock clock;

  ForumService(ForumPostRepository posts, ForumReadMarkerRepository markers,
      CaseDirectory caseDirectory, RuntimeService runtimeService, MailGateway gateway, RecipientDirectory directory,
      PortalLinks portalLinks, PortalAddress portal, MailProperties mail, Clock clock) {
    this.posts = posts;
    this.markers = markers;
    this.caseDirectory = caseDirectory;
    this.runtimeService = runtimeService;
    this.gateway = gateway;
    this.directory = directory;
    this.portalLinks = portalLinks;
    this.portal = portal;
    this.mail = mail;
    this.clock = clock;
  }

  /** The threads the participant may read: the joint thread first, then the caucus threads in party order. */
  @Transactional(readOnly = true)
  public List<ForumThread> threadsVisibleTo(ForumParticipant reader) {
    List<ForumThread> threads = new ArrayList<>();
    threads.add(ForumThread.joint(reader.caseNumber()));
    for (Party party : activeParties(reader.caseNumber())) {
      ForumThread caucus = ForumThread.caucus(reader.caseNumber(), party.getId());
      if (reader.mayRead(caucus)) {
        threads.add(caucus);
      }
    }
    return threads;
  }

  /** The posts of a thread, oldest first; an {@link ForumAccessDeniedException} when the reader may not read it. */
  @Transactional(readOnly = true)
  public List<ForumPost> read(ForumThread thread, ForumParticipant reader) {
    requireReadable(thread, reader);
    return posts.findByCaseNumberAndThreadOrderByPostedAtAscIdAsc(thread.caseNumber(), thread.key());
  }

  /** Posts of others in the thread after the reader's marker (all of them when the reader never looked). */
  @Transactional(readOnly = true)
  public long unread(ForumThread thread, ForumParticipant reader) {
    requireReadable(thread, reader);
    Instant readUntil = markers.findByCaseNumberAndThreadAndReader(thread.caseNumber(), thread.key(),
        reader.readerKey()).map(ForumReadMarker::getReadUntil).orElse(Instant.MIN);
    return posts.findByCaseNumberAndThreadOrderByPostedAtAscIdAsc(thread.caseNumber(), thread.key()).stream()
        .filter(post -> !reader.wrote(post) && post.getPostedAt().isAfter(readUntil)).count();
  }

  /** Unread posts per visible thread, in the order of {@link #threadsVisibleTo}. */
  @Transactional(readOnly = true)
  public Map<ForumThread, Long> unreadCounts(ForumParticipant reader) {
    Map<ForumThread, Long> counts = new LinkedHashMap<>();
    threadsVisibleTo(reader).forEach(thread -> counts.put(thread, unread(thread, reader)));
    return counts;
  }

  /** The reader has seen the thread up to its newest post. */
  @Transactional
  public void markRead(ForumThread thread, ForumParticipant reader) {
    requireReadable(thread, reader);
    Instant newest = posts.findByCaseNumberAndThreadOrderByPostedAtAscIdAsc(thread.caseNumber(), thread.key())
        .stream().map(ForumPost::getPostedAt).max(Instant::compareTo).orElse(null);
    if (newest == null) {
      return;
    }
    markers.findByCaseNumberAndThreadAndReader(thread.caseNumber(), thread.key(), reader.readerKey())
        .ifPresentOrElse(marker -> marker.readUntil(newest),
            () -> markers.save(new ForumReadMarker(thread, reader.readerKey(), newest)));
  }

  /**
   * Stores a post (stripped plain text), then, once stored, mails who should know and, for a party's post, lets the
   * case's online route know that this party reacted.
   *
   * @throws InvalidForumPostException when the text is empty or longer than {@value #MAX_TEXT_LENGTH} characters
   * @throws ForumAccessDeniedException when the author may not write in the thread (another party's caucus, an advisor,
   *     the secretariat, another case, a party no longer active)
   */
  @Transactional
  public ForumPost post(ForumThread thread, ForumParticipant author, String text) {
    if (!author.mayPost(thread) || !threadExists(thread)
        || author.role() == ForumParticipant.Role.PARTY && !isActiveParty(thread.caseNumber(), author.partyId())) {
      throw new ForumAccessDeniedException("No posting in this thread");
    }
    String content = text == null ? "" : text.strip();
    if (content.isEmpty()) {
      throw new InvalidForumPostException("forum.error.empty", "A post needs a text");
    }
    if (content.length() > MAX_TEXT_LENGTH) {
      throw new InvalidForumPostException("forum.error.too-long",
          "A post has at most " + MAX_TEXT_LENGTH + " characters, not " + content.length());
    }
    ForumPost post = posts.save(new ForumPost(thread, author, content, clock.instant()));
    if (author.role() == ForumParticipant.Role.PARTY) {
      int reached = OnlineMediationProcess.forumMessagePosted(runtimeService, thread.caseNumber(),
          author.partyId().toString()).correlateAllWithResult().size();
      LOG.info("Forum post by a party in case {} ended {} wait(s) for a reaction", thread.caseNumber(), reached);
    }
    queueNotifications(thread.caseNumber(), recipients(thread, author));
    return post;
  }

  /** Who hears of a post: the mediator's post reaches the thread's parties, a party's post the mediator. */
  private List<Recipient> recipients(ForumThread thread, ForumParticipant author) {
    if (author.role() == ForumParticipant.Role.PARTY) {
      String mediator = mediatorOf(thread.caseNumber());
      if (mediator == null) {
        LOG.warn("Case {} has no mediator to tell about a forum post", thread.caseNumber());
        return List.of();
      }
      try {
        return List.of(directory.mediator(mediator));
      } catch (ProcessEngineException e) {
        LOG.warn("Mediator of case {} cannot be mailed: {}", thread.caseNumber(), e.getMessage());
        return List.of();
      }
    }
    return activeParties(thread.caseNumber()).stream()
        .filter(party -> thread.isJoint() || party.getId().equals(thread.caucusPartyId()))
        .map(party -> new Recipient(party.getName(), party.getEmail(), party.locale(), RecipientRole.PARTY,
            party.getId()))
        .toList();
  }

  /**
   * The notifications and their links are queued with the post, in its transaction: a link exists exactly when its
   * mail does, and a failing mail server delays the mail (retries of the delivery job) but never undoes the post.
   */
  private void queueNotifications(String caseNumber, List<Recipient> recipients) {
    List<OutgoingMail> mails = new java.util.ArrayList<>();
    for (Recipient recipient : recipients) {
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("recipientName", recipient.name());
      model.put("caseNumber", caseNumber);
      model.put("practiceName", mail.practiceName());
      String template;
      if (recipient.partyId() != null) {
        template = PARTY_MAIL;
        PortalLinks.IssuedLink link = portalLinks.issue(caseNumber, recipient.partyId(), Audience.PARTY,
            PortalAction.FORUM);
        model.put("link", link.url());
        model.put("linkExpiry", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
            .withLocale(recipient.locale()).withZone(AMSTERDAM).format(link.expiresAt()));
      } else {
        template = MEDIATOR_MAIL;
        model.put("link", staffPage(caseNumber));
      }
      mails.add(new OutgoingMail(caseNumber, template, recipient, model, List.of()));
    }
    gateway.queue(mails);
  }

  /** The staff forum page of a case, for the mediator's mail and the Tasklist forms. */
  public String staffPage(String caseNumber) {
    return portal.baseUrl().toString().replaceAll("/+$", "") + "/forum/" + caseNumber;
  }

  /** The case's mediator: chosen at triage, else the one the running online route was started with. */
  String mediatorOf(String caseNumber) {
    String mediator = caseDirectory.find(caseNumber).map(MediationCase::getMediator).orElse(null);
    if (mediator != null) {
      return mediator;
    }
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(OnlineMediationProcess.KEY)
        .processInstanceBusinessKey(caseNumber).active().list().stream()
        .flatMap(instance -> CaseVariables.MEDIATOR.from(runtimeService, instance.getId()).stream())
        .findFirst().orElse(null);
  }

  private void requireReadable(ForumThread thread, ForumParticipant reader) {
    if (!reader.mayRead(thread) || !threadExists(thread)) {
      throw new ForumAccessDeniedException("No reading in this thread");
    }
  }

  /** The joint thread of an existing case, or the caucus thread of one of its active parties. */
  private boolean threadExists(ForumThread thread) {
    if (thread.isJoint()) {
      return caseDirectory.exists(thread.caseNumber());
    }
    return isActiveParty(thread.caseNumber(), thread.caucusPartyId());
  }

  private boolean isActiveParty(String caseNumber, UUID partyId) {
    return activeParties(caseNumber).stream().anyMatch(party -> party.getId().equals(partyId));
  }

  private List<Party> activeParties(String caseNumber) {
    return caseDirectory.activeParties(caseNumber);
  }
}
