package nl.mediatafel.cases;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PartyRepository extends JpaRepository<Party, UUID> {

  List<Party> findByMediationCaseCaseNumberOrderByPosition(String caseNumber);
}
