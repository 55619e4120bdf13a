package nl.mediatafel.cases;

import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Subquery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.data.jpa.domain.Specification;

/** {@link CaseSearch} as a JPA specification on mediation cases only (not coaching trajectories). */
final class CaseSearchSpecification {

  private static final char ESCAPE = '\\';

  private CaseSearchSpecification() {}

  static Specification<MediationCase> of(CaseSearch search) {
    return (root, query, cb) -> {
      List<Predicate> all = new ArrayList<>();
      all.add(cb.equal(root.get("kind"), MediationCaseProcess.KIND));
      if (search.status() != null) {
        all.add(cb.equal(root.get("status"), search.status()));
      }
      if (search.route() != null) {
        all.add(cb.equal(root.get("route"), search.route()));
      }
      if (search.mediator() != null) {
        all.add(cb.equal(root.get("mediator"), search.mediator()));
      }
      if (search.openedFrom() != null) {
        all.add(cb.greaterThanOrEqualTo(root.get("createdAt"), search.openedFrom()));
      }
      if (search.openedBefore() != null) {
        all.add(cb.lessThan(root.get("createdAt"), search.openedBefore()));
      }
      if (search.text() != null) {
        String pattern = "%" + escape(search.text().toLowerCase(Locale.ROOT)) + "%";
        Subquery<Integer> party = query.subquery(Integer.class);
        var parties = party.from(Party.class);
        party.select(cb.literal(1)).where(cb.equal(parties.get("mediationCase"), root),
            cb.or(cb.like(cb.lower(parties.get("name")), pattern, ESCAPE),
                cb.like(cb.lower(parties.get("email")), pattern, ESCAPE)));
        all.add(cb.or(cb.like(cb.lower(root.get("caseNumber")), pattern, ESCAPE), cb.exists(party)));
      }
      return cb.and(all.toArray(Predicate[]::new));
    };
  }

  /** The text searched for literally: {@code %} and {@code _} are no wildcards here. */
  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
