package nl.mediatafel.portal;

import nl.mediatafel.audit.Actors;
import nl.mediatafel.audit.CaseEventKind;
import nl.mediatafel.audit.CaseEvents;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.mediatafel.cases.CaseDirectory;
import nl.mediatafel.cases.MediationCase;
import nl.mediatafel.cases.Party;
import nl.mediatafel.mail.MailDeliveryException;
import nl.mediatafel.portal.PortalLink.Audience;
import nl.mediatafel.security.FormCsrf;
import nl.mediatafel.security.StaffAccess;
import nl.mediatafel.security.StaffGroup;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /portal-links/{caseNumber}}: the personal links of a case for staff (HTTP Basic): who holds each (party or
 * advisor), when it was made, until when it works, when it was last used, and whether it was revoked. The secretariat
 * revokes a link (a mail went to a wrong address, a phone was lost) or sends a fresh one, which revokes the old one.
 *
 * <p>The case's own mediator may look (has the party opened the link yet?) but not revoke or resend: links are the
 * secretariat's administration, and a mediator who cut a party off would not look neutral. Another mediator gets the
 * same 404 as for a case that does not exist.
 */
@Controller
@RequestMapping("/portal-links/{caseNumber}")
class PortalLinksStaffController {

  /** One row of the list: the link and the name and role of its holder. */
  record Row(PortalLink link, String holderName, String partyName, boolean advisor, boolean usable,
      boolean renewable) {}

  private final StaffAccess staff;
  private final CaseDirectory caseDirectory;
  private final PortalLinks links;
  private final PortalLinkRenewal renewal;
  private final FormCsrf csrf;
  private final Clock clock;
  private final CaseEvents events;

  PortalLinksStaffController(StaffAccess staff, CaseDirectory caseDirectory,
      PortalLinks links, PortalLinkRenewal renewal, FormCsrf csrf, Clock clock, CaseEvents events) {
    this.events = events;
    this.staff = staff;
    this.caseDirectory = caseDirectory;
    this.links = links;
    this.renewal = renewal;
    this.csrf = csrf;
    this.clock = clock;
  }

  @GetMapping
  ModelAndView list(@PathVariable String caseNumber, @RequestParam(required = false) String done,
      HttpServletRequest request) {
    MediationCase mediationCase = visibleCase(caseNumber);
    return page(mediationCase, done, null, request, HttpStatus.OK);
  }

  @PostMapping("/{linkId}/revoke")
  ModelAndView revoke(@PathVariable String caseNumber, @PathVariable UUID linkId, HttpServletRequest request) {
    requireSecretariat(caseNumber, request);
    links.revoke(caseNumber, linkId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    events.record(caseNumber, Actors.staff(staff.requireAnyOf(StaffGroup.SECRETARIAT, StaffGroup.ADMINISTRATORS)),
        CaseEventKind.LINK_REVOKED, "1");
    return new ModelAndView("redirect:/portal-links/" + caseNumber + "?done=revoked", HttpStatus.SEE_OTHER);
  }

  @PostMapping("/{linkId}/renew")
  ModelAndView renew(@PathVariable String caseNumber, @PathVariable UUID linkId, HttpServletRequest request) {
    MediationCase mediationCase = requireSecretariat(caseNumber, request);
    try {
      renewal.renew(caseNumber, linkId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    } catch (PortalLinkRenewal.CaseEndedException e) {
      ModelAndView refused = page(mediationCase, null, "links.error.case-ended", request, HttpStatus.CONFLICT);
      refused.addObject("errorArgument", e.status().messageKey());
      return refused;
    } catch (PortalLinkRenewal.NotRenewableException e) {
      return page(mediationCase, null, "links.error.not-renewable", request, HttpStatus.CONFLICT);
    } catch (MailDeliveryException e) {
      return page(mediationCase, null, "links.error.mail", request, HttpStatus.BAD_GATEWAY);
    }
    return new ModelAndView("redirect:/portal-links/" + caseNumber + "?done=renewed", HttpStatus.SEE_OTHER);
  }

  /**
   * The same for a client that asks for JSON ({@code Accept: application/json}), with the form's session token: 201
   * with the revoked link's id, or {@code application/problem+json} naming why not ({@code reason}: {@code CASE_ENDED}
   * with the case's status, or {@code NOT_RENEWABLE}).
   */
  @PostMapping(path = "/{linkId}/renew", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> renewJson(@PathVariable String caseNumber, @PathVariable UUID linkId,
      HttpServletRequest request) {
    requireSecretariat(caseNumber, request);
    try {
      renewal.renew(caseNumber, linkId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    } catch (PortalLinkRenewal.CaseEndedException e) {
      return problem(HttpStatus.CONFLICT, "CASE_ENDED", "Het dossier is beëindigd (" + e.status()
          + "): de links werken niet meer en er wordt geen nieuwe gestuurd.", Map.of("caseStatus", e.status()));
    } catch (PortalLinkRenewal.NotRenewableException e) {
      return problem(HttpStatus.CONFLICT, "NOT_RENEWABLE", "Geen nieuwe link: " + e.getMessage(), Map.of());
    } catch (MailDeliveryException e) {
      return problem(HttpStatus.BAD_GATEWAY, "MAIL_FAILED", "De e-mail kon niet worden verstuurd.", Map.of());
    }
    return ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("caseNumber", caseNumber, "revokedLinkId", linkId.toString()));
  }

  private static ResponseEntity<Map<String, Object>> problem(HttpStatus status, String reason, String detail,
      Map<String, Object> extra) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("type", "https://mediatafel.nl/problems/" + reason.toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    body.put("title", detail);
    body.put("status", status.value());
    body.put("reason", reason);
    body.putAll(extra);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }

  /** The case, for the secretariat and administrators, or for the case's own mediator; else 404. */
  private MediationCase visibleCase(String caseNumber) {
    String user = staff.requireAnyOf(StaffGroup.SECRETARIAT, StaffGroup.ADMINISTRATORS, StaffGroup.MEDIATORS);
    MediationCase mediationCase = caseDirectory.find(caseNumber)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    if (!mayManage() && !user.equals(mediationCase.getMediator())) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    return mediationCase;
  }

  private MediationCase requireSecretariat(String caseNumber, HttpServletRequest request) {
    MediationCase mediationCase = visibleCase(caseNumber);
    if (!mayManage()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
    if (!csrf.accepts(request)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "the form's token is missing or old");
    }
    return mediationCase;
  }

  private boolean mayManage() {
    return staff.isMemberOfAny(StaffGroup.SECRETARIAT, StaffGroup.ADMINISTRATORS);
  }

  private ModelAndView page(MediationCase mediationCase, String done, String error, HttpServletRequest request,
      HttpStatus status) {
    String caseNumber = mediationCase.getCaseNumber();
    Map<UUID, Party> partyById = caseDirectory.parties(caseNumber).stream()
        .collect(Collectors.toMap(Party::getId, Function.identity()));
    Instant now = clock.instant();
    List<Row> rows = links.ofCase(caseNumber).stream().map(link -> {
      Party party = partyById.get(link.getPartyId());
      boolean advisor = link.getAudience() == Audience.ADVISOR;
      String holder = party == null ? "?" : advisor ? party.getAdvisorName() : party.getName();
      boolean renewable = !mediationCase.hasEnded() && party != null && party.isActive()
          && (!advisor || party.getAdvisorEmail() != null);
      return new Row(link, holder == null ? "?" : holder, party == null ? "?" : party.getName(), advisor,
          link.isUsableAt(now), renewable);
    }).toList();
    ModelAndView page = new ModelAndView("portal-links/list", status);
    page.addObject("caseNumber", caseNumber);
    page.addObject("rows", rows);
    page.addObject("mayManage", mayManage());
    page.addObject("done", done);
    page.addObject("error", error);
    page.addObject("ended", mediationCase.hasEnded());
    page.addObject("caseStatus", mediationCase.getStatus());
    page.addObject("csrfParameter", FormCsrf.PARAMETER);
    page.addObject("csrfToken", csrf.token(request));
    return page;
  }
}
