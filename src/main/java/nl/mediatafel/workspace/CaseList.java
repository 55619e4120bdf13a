package nl.mediatafel.workspace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.mediatafel.cases.CaseDirectory;
import nl.mediatafel.cases.CaseListEntry;
import nl.mediatafel.cases.CaseStatus;
import nl.mediatafel.cases.Route;
import nl.mediatafel.security.StaffAccess;
import nl.mediatafel.security.StaffGroup;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;

/**
 * The case list for the signed-in staff member, by the rule of {@code GET /api/cases/{n}}: the secretariat and
 * administrators see every mediation case, a mediator only the cases they are the mediator of (asking for another
 * mediator's cases gives an empty list), anyone else gets a 403 and no login a 401.
 */
@Component
class CaseList {

  /** One row: the case and its stage in the caller's words (null when the status is unknown). */
  record Item(String caseNumber, CaseStatus status, String stage, Route route, String mediator, Instant openedAt,
      List<String> parties) {}

  /** One page of the list and the number of all matching cases. */
  record Result(List<Item> items, long total, int page, int size) {

    /** The number of pages, at least 1 (public: the page template calls it). */
    public int pages() {
      return (int) Math.max(1, (total + size - 1) / size);
    }
  }

  /** Rows read per query when the whole list is exported. */
  static final int EXPORT_BATCH = 500;
  /** The most rows one export holds; a larger list is cut off there. */
  static final int EXPORT_LIMIT = 100_000;

  private final CaseDirectory directory;
  private final StaffAccess access;
  private final MessageSource messages;

  CaseList(CaseDirectory directory, StaffAccess access, MessageSource messages) {
    this.directory = directory;
    this.access = access;
    this.messages = messages;
  }

  /**
   * @return the signed-in staff member's user id
   * @throws org.springframework.web.server.ResponseStatusException 401/403 unless a staff member may see a list
   */
  String requireAccess() {
    return access.requireAnyOf(StaffGroup.SECRETARIAT, StaffGroup.ADMINISTRATORS, StaffGroup.MEDIATORS);
  }

  /** Whether the signed-in staff member sees every case (else only their own). */
  boolean seesAll() {
    return access.isMemberOfAny(StaffGroup.SECRETARIAT, StaffGroup.ADMINISTRATORS);
  }

  /** @throws org.springframework.web.server.ResponseStatusException 401/403 for no or a non-staff login */
  Result page(CaseListQuery query, Locale locale) {
    return read(query, query.page(), query.size(), locale);
  }

  /** Every matching case (all pages), in the list's order, up to {@link #EXPORT_LIMIT}. */
  List<Item> all(CaseListQuery query, Locale locale) {
    List<Item> items = new ArrayList<>();
    for (int page = 0; items.size() < EXPORT_LIMIT; page++) {
      Result batch = read(query, page, EXPORT_BATCH, locale);
      items.addAll(batch.items());
      if (batch.items().size() < EXPORT_BATCH) {
        break;
      }
    }
    return items.size() > EXPORT_LIMIT ? items.subList(0, EXPORT_LIMIT) : items;
  }

  private Result read(CaseListQuery query, int page, int size, Locale locale) {
    String user = requireAccess();
    boolean seesAll = seesAll();
    if (!seesAll && query.mediator() != null && !query.mediator().equals(user)) {
      return new Result(List.of(), 0, page, size);
    }
    Page<CaseListEntry> found = directory.search(query.search(seesAll ? null : user), page, size);
    List<Item> items = found.getContent().stream().map(entry -> new Item(entry.caseNumber(), entry.status(),
        stage(entry.status(), locale), entry.route(), entry.mediator(), entry.openedAt(), entry.parties())).toList();
    return new Result(items, found.getTotalElements(), page, size);
  }

  private String stage(CaseStatus status, Locale locale) {
    String key = CaseStages.stageKey(status.name());
    return key == null ? null : messages.getMessage(key, null, locale);
  }
}
