package nl.mediatafel.portal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface AdvisorConfidentialityRepository extends JpaRepository<AdvisorConfidentiality, UUID> {

  Optional<AdvisorConfidentiality> findByPartyIdAndAdvisorEmail(UUID partyId, String advisorEmail);
}
