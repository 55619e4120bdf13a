package nl.mediatafel.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import nl.mediatafel.cases.MediationCaseProcess;
import nl.mediatafel.portal.PortalAccess.Holder;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /portal/{token}/advisor-consultation}: a party may ask for time to consult an advisor (a lawyer, a union,
 * …) before going on (seed 001). The page explains it and asks for a confirmation and an optional short note for the
 * mediator; the case process gets {@code AdvisorConsultationRequested}. When the case does not listen (not yet
 * accepted, or ended) the party reads that it is not possible now. An advisor cannot ask it for the party.
 */
@Controller
@RequestMapping("/portal/{token}/advisor-consultation")
class AdvisorConsultationController {

  static final int NOTE_LIMIT = 500;

  private final PortalPages pages;
  private final RuntimeService runtimeService;

  AdvisorConsultationController(PortalPages pages, RuntimeService runtimeService) {
    this.pages = pages;
    this.runtimeService = runtimeService;
  }

  @GetMapping
  ModelAndView explain(@PathVariable String token, HttpServletRequest request) {
    return pages.show(token, request, holder -> page(holder, "", null, null, request, HttpStatus.OK));
  }

  @PostMapping
  ModelAndView request(@PathVariable String token, @RequestParam(required = false) String confirm,
      @RequestParam(required = false) String note, HttpServletRequest request) {
    return pages.partyPost(token, request,
        advisor -> page(advisor, "", null, null, request, HttpStatus.FORBIDDEN),
        holder -> request(holder, confirm, note, request));
  }

  private ModelAndView request(Holder holder, String confirm, String note, HttpServletRequest request) {
    String text = note == null ? "" : note.strip();
    if (text.length() > NOTE_LIMIT) {
      return page(holder, text, "note", "consultation.error.note", request, HttpStatus.BAD_REQUEST);
    }
    if (!"yes".equals(confirm)) {
      return page(holder, text, "confirm", "consultation.error.confirm", request, HttpStatus.BAD_REQUEST);
    }
    List<MessageCorrelationResult> results = MediationCaseProcess.advisorConsultationRequested(runtimeService,
            holder.caseNumber(), holder.party().getId().toString())
        .setVariable(MediationCaseProcess.ADVISOR_CONSULTATION_NOTE.name(), text)
        .correlateAllWithResult();
    ModelAndView done = new ModelAndView("portal/advisor-consultation-result",
        results.isEmpty() ? HttpStatus.CONFLICT : HttpStatus.OK);
    done.addObject("token", holder.token());
    done.addObject("caseNumber", holder.caseNumber());
    done.addObject("requested", !results.isEmpty());
    return done;
  }

  private ModelAndView page(Holder holder, String note, String errorField, String error, HttpServletRequest request,
      HttpStatus status) {
    ModelAndView page = pages.page("portal/advisor-consultation", holder, request, status);
    page.addObject("note", note);
    page.addObject("noteLimit", NOTE_LIMIT);
    page.addObject("errorField", errorField);
    page.addObject("error", error);
    return page;
  }
}
