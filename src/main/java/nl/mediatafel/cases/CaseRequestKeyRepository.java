package nl.mediatafel.cases;

import org.springframework.data.jpa.repository.JpaRepository;

interface CaseRequestKeyRepository extends JpaRepository<CaseRequestKey, String> {}
