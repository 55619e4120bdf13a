package nl.mediatafel.cases;

import java.time.Instant;
import java.util.List;

/** One case of a list: what a row shows, read in one go so the list needs no further reads per case. */
public record CaseListEntry(String caseNumber, CaseStatus status, Route route, String mediator, Instant openedAt,
    List<String> parties) {}
