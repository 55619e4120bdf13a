package nl.mediatafel.coaching;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import nl.mediatafel.api.JsonApi;
import nl.mediatafel.api.RequestKey;
import nl.mediatafel.cases.CaseStatus;
import nl.mediatafel.cases.MediationCase;
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
 * The coaching API. {@code POST /api/coaching} is public and rate-limited like {@code POST /api/cases};
 * {@code GET /api/coaching/{number}} needs a staff login.
 */
@RestController
@RequestMapping("/api/coaching")
@Validated
@JsonApi
class CoachingController {

  record Created(String caseNumber, CaseStatus status) {}

  private final CoachingRequests requests;
  private final CoachingViews views;

  CoachingController(CoachingRequests requests, CoachingViews views) {
    this.requests = requests;
    this.views = views;
  }

  @PostMapping
  ResponseEntity<Created> request(@Valid @RequestBody CoachingRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = RequestKey.MAX_LENGTH)
      @Pattern(regexp = RequestKey.ALLOWED, message = RequestKey.NOT_ALLOWED) String idempotencyKey) {
    CoachingRequests.Registration registration;
    try {
      registration = requests.register(request, idempotencyKey);
    } catch (DataIntegrityViolationException e) {
      if (idempotencyKey == null || !CoachingRequests.isDuplicateKey(e)) {
        throw e;
      }
      registration = requests.afterConcurrentDuplicate(request, idempotencyKey);
    }
    MediationCase trajectory = registration.trajectory();
    return ResponseEntity.created(URI.create("/api/coaching/" + trajectory.getCaseNumber()))
        .header("Idempotent-Replayed", String.valueOf(!registration.created()))
        .body(new Created(trajectory.getCaseNumber(), trajectory.getStatus()));
  }

  @GetMapping("/{number}")
  CoachingViews.CoachingView get(@PathVariable String number) {
    return views.forCurrentUser(number);
  }
}
