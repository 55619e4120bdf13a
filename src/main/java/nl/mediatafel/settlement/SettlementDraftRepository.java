package nl.mediatafel.settlement;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface SettlementDraftRepository extends JpaRepository<SettlementDraft, UUID> {

  Optional<SettlementDraft> findFirstByCaseNumberOrderByVersionDesc(String caseNumber);
}
