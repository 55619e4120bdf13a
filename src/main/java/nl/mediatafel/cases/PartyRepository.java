package nl.mediatafel.cases;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PartyRepository extends JpaRepository<Party, UUID> {

  List<Party> findByMediationCaseCaseNumberOrderByPosition(String caseNumber);

  /** The parties of these cases, each case's in their order (one read for a page of a list). */
  List<Party> findByMediationCaseCaseNumberInOrderByPosition(java.util.Collection<String> caseNumbers);
}
