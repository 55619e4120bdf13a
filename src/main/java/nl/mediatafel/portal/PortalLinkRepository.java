package nl.mediatafel.portal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PortalLinkRepository extends JpaRepository<PortalLink, UUID> {

  Optional<PortalLink> findByTokenHash(String tokenHash);

  List<PortalLink> findByCaseNumberAndPartyId(String caseNumber, UUID partyId);

  List<PortalLink> findByCaseNumberOrderByCreatedAtDesc(String caseNumber);

  /** Notes a use, at most once per {@code before} (one write a minute, not one per page). */
  @Modifying
  @Query("update PortalLink l set l.lastUsedAt = :now where l.id = :id"
      + " and (l.lastUsedAt is null or l.lastUsedAt < :before)")
  int markUsed(@Param("id") UUID id, @Param("now") Instant now, @Param("before") Instant before);
}
