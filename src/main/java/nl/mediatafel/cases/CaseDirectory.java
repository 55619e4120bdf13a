package nl.mediatafel.cases;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How the other features read cases and parties (and how coaching registers its trajectory as a case): the cases
 * module's published API, so its repositories stay its own. Each call joins the caller's transaction, as the
 * repository calls it replaces did.
 */
@Service
public class CaseDirectory {

  private final MediationCaseRepository cases;
  private final PartyRepository parties;

  CaseDirectory(MediationCaseRepository cases, PartyRepository parties) {
    this.cases = cases;
    this.parties = parties;
  }

  /** The case with this number, if there is one. */
  public Optional<MediationCase> find(String caseNumber) {
    return cases.findById(caseNumber);
  }

  /** Whether there is no case at all yet (a first start). */
  public boolean isEmpty() {
    return cases.count() == 0;
  }

  /** Whether a case with this number exists. */
  public boolean exists(String caseNumber) {
    return cases.existsById(caseNumber);
  }

  /** Stores a new case (with its parties) at once, so its number is taken before anything refers to it. */
  public MediationCase register(MediationCase newCase) {
    return cases.saveAndFlush(newCase);
  }

  /** All parties of a case, withdrawn ones too, in their order. */
  public List<Party> parties(String caseNumber) {
    return parties.findByMediationCaseCaseNumberOrderByPosition(caseNumber);
  }

  /** The parties of a case who have not withdrawn, in their order. */
  public List<Party> activeParties(String caseNumber) {
    return parties(caseNumber).stream().filter(Party::isActive).toList();
  }

  /** The party with this id, of whatever case. */
  public Optional<Party> findParty(UUID partyId) {
    return parties.findById(partyId);
  }

  /**
   * One page ({@code page} from 0, {@code size} rows) of the mediation cases that match {@code search}, with the
   * parties' names (withdrawn parties too, in their order) read for the whole page at once. Sorted newest opened
   * first, or by case number; the case number breaks ties, so paging is stable.
   */
  @Transactional(readOnly = true)
  public Page<CaseListEntry> search(CaseSearch search, int page, int size) {
    Sort order = search.byNumber() ? Sort.by("caseNumber")
        : Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("caseNumber"));
    Page<MediationCase> found = cases.findAll(CaseSearchSpecification.of(search), PageRequest.of(page, size, order));
    List<String> numbers = found.getContent().stream().map(MediationCase::getCaseNumber).toList();
    Map<String, List<String>> names = numbers.isEmpty() ? Map.of()
        : parties.findByMediationCaseCaseNumberInOrderByPosition(numbers).stream()
            .collect(Collectors.groupingBy(Party::getCaseNumber, Collectors.mapping(Party::getName,
                Collectors.toList())));
    return found.map(mediationCase -> new CaseListEntry(mediationCase.getCaseNumber(), mediationCase.getStatus(),
        mediationCase.getRoute(), mediationCase.getMediator(), mediationCase.getCreatedAt(),
        names.getOrDefault(mediationCase.getCaseNumber(), List.of())));
  }
}
