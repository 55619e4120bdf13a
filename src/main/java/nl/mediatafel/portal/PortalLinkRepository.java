package nl.mediatafel.portal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface PortalLinkRepository extends JpaRepository<PortalLink, UUID> {

  Optional<PortalLink> findByTokenHash(String tokenHash);

  List<PortalLink> findByCaseNumberAndPartyId(String caseNumber, UUID partyId);
}
