package nl.mediatafel.signing;

import jakarta.servlet.http.HttpServletRequest;
import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.mediatafel.documents.DocumentService;
import nl.mediatafel.documents.StoredDocument;
import nl.mediatafel.portal.PortalAccess;
import nl.mediatafel.portal.PortalAccess.Holder;
import nl.mediatafel.portal.PortalPages;
import nl.mediatafel.process.CaseVariables;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
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
 * Signing in the portal, {@code /portal/{token}/sign}: the documents the case's signing processes wait for this party
 * to sign, each readable as PDF and signed with the party's full name and an explicit consent. A signature records
 * the document's SHA-256, time, address and browser, and lets the signing process go on for this party.
 */
@Controller
@RequestMapping("/portal/{token}/sign")
class SigningPageController {

  /** A document waiting for this party's signature, or signed by them. */
  record Signable(StoredDocument document, boolean signed) {}

  private final PortalAccess access;
  private final PortalPages pages;
  private final RuntimeService runtimeService;
  private final DocumentService documents;
  private final SignatureService signatures;
  private final Clock clock;

  SigningPageController(PortalAccess access, PortalPages pages, RuntimeService runtimeService,
      DocumentService documents, SignatureService signatures, Clock clock) {
    this.access = access;
    this.pages = pages;
    this.runtimeService = runtimeService;
    this.documents = documents;
    this.signatures = signatures;
    this.clock = clock;
  }

  @GetMapping
  ModelAndView list(@PathVariable String token, HttpServletRequest request) {
    return pages.show(token, request, holder -> page(holder, null, null, request, HttpStatus.OK));
  }

  @GetMapping("/{documentId}/pdf")
  ResponseEntity<byte[]> pdf(@PathVariable String token, @PathVariable UUID documentId, HttpServletRequest request) {
    Optional<StoredDocument> document = access.confirmed(token, request)
        .flatMap(holder -> documents.find(documentId).filter(d -> d.caseNumber().equals(holder.caseNumber())));
    if (document.isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(document.get().fileName()).build().toString())
        .body(document.get().content());
  }

  @PostMapping("/{documentId}")
  ModelAndView sign(@PathVariable String token, @PathVariable UUID documentId,
      @RequestParam(required = false) String fullName, @RequestParam(required = false) String consent,
      HttpServletRequest request) {
    return pages.partyPost(token, request, advisor -> backToList(token),
        holder -> sign(holder, documentId, fullName, consent, request));
  }

  private ModelAndView sign(Holder holder, UUID documentId, String fullName, String consent,
      HttpServletRequest request) {
    String caseNumber = holder.caseNumber();
    UUID partyId = holder.party().getId();
    if (!sameName(fullName, holder.party().getName()) || !"yes".equals(consent)) {
      String error = !sameName(fullName, holder.party().getName()) ? "sign.error.name" : "sign.error.consent";
      return page(holder, documentId, error, request, HttpStatus.BAD_REQUEST);
    }
    try {
      SignatureService.Recorded recorded = signatures.recordPortalSignature(caseNumber, documentId, partyId,
          clock.instant(), request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT), fullName,
          holder.email());
      if (recorded.created()) {
        // when signing was cancelled or a paper signature was recorded meanwhile, the signature still stands
        SigningProcess.documentSigned(runtimeService, caseNumber, partyId.toString(), documentId.toString())
            .correlateIfWaiting();
      }
    } catch (SigningRefusedException e) {
      return page(holder, documentId, "sign.error." + e.reason().name().toLowerCase(Locale.ROOT), request,
          HttpStatus.CONFLICT);
    }
    return backToList(holder.token());
  }

  private static ModelAndView backToList(String token) {
    return new ModelAndView("redirect:/portal/" + token + "/sign", HttpStatus.SEE_OTHER);
  }

  private ModelAndView page(Holder holder, UUID errorDocument, String error, HttpServletRequest request,
      HttpStatus status) {
    ModelAndView page = pages.page("signing/sign", holder, request, status);
    page.addObject("signables", signables(holder));
    page.addObject("errorDocument", errorDocument);
    page.addObject("error", error);
    return page;
  }

  /** What the signing processes of the case wait for this party to sign, and what this party signed. */
  private List<Signable> signables(Holder holder) {
    Set<String> documentIds = new LinkedHashSet<>();
    for (String activity : List.of(SigningProcess.Elements.WAIT_FOR_SIGNATURE, SigningProcess.Elements.FOLLOW_UP)) {
      for (Execution waiting : runtimeService.createExecutionQuery()
          .processInstanceBusinessKey(holder.caseNumber())
          .activityId(activity)
          .variableValueEquals(CaseVariables.PARTY_ID.name(), holder.party().getId().toString())
          .list()) {
        SigningProcess.DOCUMENT_ID.fromLocal(runtimeService, waiting.getId()).ifPresent(documentIds::add);
      }
    }
    signatures.byParty(holder.caseNumber(), holder.party().getId())
        .forEach(signature -> documentIds.add(signature.documentId().toString()));
    List<Signable> signables = new ArrayList<>();
    for (String id : documentIds) {
      documents.find(UUID.fromString(id)).ifPresent(document -> signables.add(new Signable(document,
          signatures.find(document.id(), holder.party().getId()).isPresent())));
    }
    return signables;
  }


  /** "Jan de Boer" equals " jan  de boer ": case, accents and spacing do not count, the letters do. */
  static boolean sameName(String typed, String expected) {
    return typed != null && normalized(typed).equals(normalized(expected));
  }

  private static String normalized(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
  }
}
