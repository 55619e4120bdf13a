package nl.mediatafel.documents;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DocumentRepository extends JpaRepository<DocumentEntity, UUID> {

  @Query("select coalesce(max(d.version), 0) from DocumentEntity d"
      + " where d.caseNumber = :caseNumber and d.documentType = :documentType")
  int findLatestVersion(String caseNumber, String documentType);

  List<DocumentEntity> findByCaseNumberAndDocumentTypeAndSupersededAtIsNull(String caseNumber, String documentType);

  List<DocumentEntity> findByCaseNumberOrderByCreatedAt(String caseNumber);

  Optional<DocumentEntity> findBySignedFrom(UUID signedFrom);

  Optional<DocumentEntity> findFirstByCaseNumberAndDocumentTypeAndSupersededAtIsNullOrderByVersionDesc(
      String caseNumber, String documentType);
}
