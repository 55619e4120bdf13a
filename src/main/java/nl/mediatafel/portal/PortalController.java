package nl.mediatafel.portal;

import nl.mediatafel.audit.CaseEventKind;
import nl.mediatafel.audit.CaseEvents;

import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.mediatafel.cases.Party;
import nl.mediatafel.documents.DocumentService;
import nl.mediatafel.documents.StoredDocument;
import nl.mediatafel.portal.PortalAccess.Holder;
import nl.mediatafel.mail.MailGateway;
import nl.mediatafel.mail.MailProperties;
import nl.mediatafel.mail.OutgoingMail;
import nl.mediatafel.mail.Recipient;
import nl.mediatafel.mail.RecipientRole;
import nl.mediatafel.security.FormCsrf;
import nl.mediatafel.security.RateLimits;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The participant portal's front door: a personal link from a mail ({@code /portal/{token}}) opens the portal for
 * one party of one case. A first visit in a browser confirms the party's e-mail address with a one-time code before
 * anything of the case is shown. A wrong, expired or revoked link gets one neutral page that reveals nothing.
 */
@Controller
@RequestMapping("/portal/{token}")
class PortalController {

  private static final Duration CODE_VALIDITY = Duration.ofMinutes(15);
  private static final List<String> PAGES = List.of("intake", "sign", "forum");

  private final PortalAccess access;
  private final CaseOverview overview;
  private final DocumentService documents;
  private final MailGateway mail;
  private final MailProperties mailProperties;
  private final FormCsrf csrf;
  private final RateLimits rateLimits;
  private final Clock clock;
  private final CaseEvents events;
  private final SecureRandom random = new SecureRandom();

  PortalController(PortalAccess access, CaseOverview overview, DocumentService documents, MailGateway mail,
      MailProperties mailProperties, FormCsrf csrf, RateLimits rateLimits, Clock clock, CaseEvents events) {
    this.events = events;
    this.access = access;
    this.overview = overview;
    this.documents = documents;
    this.mail = mail;
    this.mailProperties = mailProperties;
    this.csrf = csrf;
    this.rateLimits = rateLimits;
    this.clock = clock;
  }

  @GetMapping({"", "/{page}"})
  ModelAndView open(@PathVariable String token, @PathVariable(required = false) String page,
      HttpServletRequest request) {
    Optional<Holder> holder = access.holder(token, request);
    if (holder.isEmpty() || (page != null && !PAGES.contains(page))) {
      return invalid();
    }
    PortalVisit visit = PortalVisit.of(request.getSession());
    if (!visit.isConfirmed(holder.get().link())) {
      return confirmPage(holder.get(), visit, request, null, HttpStatus.OK);
    }
    if (holder.get().isAdvisor() && !access.hasConfirmedConfidentiality(holder.get())) {
      return confidentialityPage(holder.get(), request, null, HttpStatus.OK);
    }
    return overview(holder.get(), page);
  }

  /** An advisor confirms confidentiality once, before the portal shows anything of the party's mediation. */
  @PostMapping("/confidentiality")
  ModelAndView confirmConfidentiality(@PathVariable String token, @RequestParam(required = false) String accept,
      HttpServletRequest request) {
    Optional<Holder> holder = access.addressConfirmed(token, request);
    if (holder.isEmpty()) {
      return access.notConfirmed(token, request);
    }
    if (!csrf.accepts(request)) {
      return refused();
    }
    if (!holder.get().isAdvisor()) {
      return new ModelAndView("redirect:/portal/" + token, HttpStatus.SEE_OTHER);
    }
    if (!"yes".equals(accept)) {
      return confidentialityPage(holder.get(), request, "portal.confidentiality.error", HttpStatus.BAD_REQUEST);
    }
    access.confirmConfidentiality(holder.get());
    return new ModelAndView("redirect:/portal/" + token, HttpStatus.SEE_OTHER);
  }

  /** A document of the holder's own case as PDF; any other id, of another case or none, is the same 404. */
  @GetMapping("/documents/{documentId}")
  ResponseEntity<byte[]> document(@PathVariable String token, @PathVariable String documentId,
      HttpServletRequest request) {
    Optional<StoredDocument> document = access.confirmed(token, request)
        .flatMap(holder -> uuid(documentId).flatMap(documents::find)
            .filter(d -> d.caseNumber().equals(holder.caseNumber())));
    if (document.isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(document.get().fileName()).build().toString())
        .body(document.get().content());
  }

  private static Optional<UUID> uuid(String text) {
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  @PostMapping("/code")
  ModelAndView sendCode(@PathVariable String token, HttpServletRequest request) {
    Optional<Holder> holder = access.holder(token, request);
    if (holder.isEmpty()) {
      return invalid();
    }
    if (!csrf.accepts(request)) {
      return refused();
    }
    PortalVisit visit = PortalVisit.of(request.getSession());
    if (!visit.mayRequestCode()) {
      return confirmPage(holder.get(), visit, request, "portal.code.too-many", HttpStatus.TOO_MANY_REQUESTS);
    }
    String code = String.format("%06d", random.nextInt(1_000_000));
    Party party = holder.get().party();
    boolean advisor = holder.get().isAdvisor();
    Recipient recipient = new Recipient(advisor ? party.getAdvisorName() : party.getName(),
        advisor ? party.getAdvisorEmail() : party.getEmail(), party.locale(),
        advisor ? RecipientRole.ADVISORS : RecipientRole.PARTY, party.getId());
    String caseNumber = holder.get().link().getCaseNumber();
    mail.queue(new OutgoingMail(caseNumber, "portal-code", recipient, Map.of(
        "recipientName", recipient.name(), "caseNumber", caseNumber,
        "practiceName", mailProperties.practiceName(), "detail", code), List.of()));
    visit.codeSent(holder.get().link(), code, clock.instant().plus(CODE_VALIDITY));
    visit.saveTo(request.getSession());
    return new ModelAndView("redirect:/portal/" + token, HttpStatus.SEE_OTHER);
  }

  @PostMapping("/confirm")
  ModelAndView confirm(@PathVariable String token, @RequestParam(required = false) String code,
      HttpServletRequest request) {
    Optional<Holder> holder = access.holder(token, request);
    if (holder.isEmpty()) {
      return invalid();
    }
    if (!csrf.accepts(request)) {
      return refused();
    }
    PortalVisit visit = PortalVisit.of(request.getSession());
    boolean right = visit.awaitsCodeFor(holder.get().link(), clock.instant()) && code != null
        && visit.confirm(holder.get().link(), code, clock.instant(), tries(visit));
    visit.saveTo(request.getSession());
    if (!right) {
      return confirmPage(holder.get(), visit, request, "portal.code.wrong", HttpStatus.BAD_REQUEST);
    }
    request.changeSessionId(); // a session id seen before confirmation is worth nothing after it
    events.record(holder.get().caseNumber(), PortalLinks.actor(holder.get().link()), CaseEventKind.CODE_CONFIRMED,
        null);
    String page = holder.get().link().getAction().path();
    return new ModelAndView("redirect:/portal/" + token + page, HttpStatus.SEE_OTHER);
  }

  /** This try at the visit's code, counted in the database: parallel requests of one session each see their own visit. */
  private int tries(PortalVisit visit) {
    return rateLimits.count("portal-confirm code:" + visit.codeId(), CODE_VALIDITY).requests();
  }

  private ModelAndView confirmPage(Holder holder, PortalVisit visit, HttpServletRequest request, String error,
      HttpStatus status) {
    ModelAndView page = new ModelAndView("portal/confirm", status);
    page.addObject("token", holder.token());
    page.addObject("codeSent", visit.awaitsCodeFor(holder.link(), clock.instant()));
    page.addObject("mayRequestCode", visit.mayRequestCode());
    page.addObject("attemptsLeft", visit.attemptsLeft());
    page.addObject("maskedEmail", mask(holder.link().getAudience() == PortalLink.Audience.ADVISOR
        ? holder.party().getAdvisorEmail() : holder.party().getEmail()));
    page.addObject("error", error);
    page.addObject("csrfParameter", FormCsrf.PARAMETER);
    page.addObject("csrfToken", csrf.token(request));
    return page;
  }

  private ModelAndView confidentialityPage(Holder holder, HttpServletRequest request, String error,
      HttpStatus status) {
    ModelAndView page = new ModelAndView("portal/confidentiality", status);
    page.addObject("token", holder.token());
    page.addObject("partyName", holder.party().getName());
    page.addObject("error", error);
    page.addObject("csrfParameter", FormCsrf.PARAMETER);
    page.addObject("csrfToken", csrf.token(request));
    return page;
  }

  private ModelAndView overview(Holder holder, String requestedPage) {
    CaseOverview.View view = overview.of(holder);
    ModelAndView page = new ModelAndView("portal/overview");
    page.addObject("token", holder.token());
    page.addObject("view", view);
    page.addObject("caseNumber", view.caseNumber());
    page.addObject("partyName", holder.party().getName());
    page.addObject("advisor", holder.isAdvisor());
    page.addObject("requestedPage", requestedPage);
    page.addObject("linkExpires", CaseOverview.date(holder.link().getExpiresAt(), holder.party().locale()));
    return page;
  }

  private static ModelAndView invalid() {
    return new ModelAndView("portal/invalid", HttpStatus.NOT_FOUND);
  }

  private static ModelAndView refused() {
    return new ModelAndView("portal/refused", HttpStatus.FORBIDDEN);
  }

  /** {@code jan.deboer@example.nl} → {@code j…r@example.nl}: enough to recognise, not to harvest. */
  static String mask(String email) {
    int at = email.indexOf('@');
    if (at <= 1) {
      return "…" + email.substring(Math.max(at, 0));
    }
    return email.charAt(0) + "…" + email.charAt(at - 1) + email.substring(at);
  }

}
