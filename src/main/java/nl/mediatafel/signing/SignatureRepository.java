package nl.mediatafel.signing;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface SignatureRepository extends JpaRepository<SignatureEntity, UUID> {

  Optional<SignatureEntity> findByDocumentIdAndPartyId(UUID documentId, UUID partyId);

  List<SignatureEntity> findByDocumentIdOrderBySignedAt(UUID documentId);

  List<SignatureEntity> findByCaseNumberOrderBySignedAt(String caseNumber);

  List<SignatureEntity> findByCaseNumberAndPartyIdOrderBySignedAt(String caseNumber, UUID partyId);
}
