package nl.mediatafel.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import nl.mediatafel.api.JsonApi;
import nl.mediatafel.api.RequestKey;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case API. {@code POST /api/cases} is public (front desks, lawyers' systems, the request form); everything else
 * needs a staff login.
 */
@RestController
@RequestMapping("/api/cases")
@Validated
@JsonApi
class CaseController {

  record Created(String caseNumber, CaseStatus status) {}

  private final CaseRequests requests;
  private final CaseViews views;

  CaseController(CaseRequests requests, CaseViews views) {
    this.requests = requests;
    this.views = views;
  }

  @PostMapping
  ResponseEntity<Created> request(@Valid @RequestBody CaseRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = RequestKey.MAX_LENGTH)
      @Pattern(regexp = RequestKey.ALLOWED, message = RequestKey.NOT_ALLOWED) String idempotencyKey) {
    CaseRequests.Registration registration;
    try {
      registration = requests.register(request, idempotencyKey);
    } catch (DataIntegrityViolationException e) {
      if (idempotencyKey == null || !CaseRequests.isDuplicateKey(e)) {
        throw e;
      }
      registration = requests.afterConcurrentDuplicate(request, idempotencyKey);
    }
    MediationCase mediationCase = registration.mediationCase();
    return ResponseEntity.created(URI.create("/api/cases/" + mediationCase.getCaseNumber()))
        .header("Idempotent-Replayed", String.valueOf(!registration.created()))
        .body(new Created(mediationCase.getCaseNumber(), mediationCase.getStatus()));
  }

  @GetMapping("/{caseNumber}")
  CaseViews.CaseView get(@PathVariable String caseNumber) {
    return views.forCurrentUser(caseNumber);
  }
}
