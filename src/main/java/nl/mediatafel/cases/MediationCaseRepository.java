package nl.mediatafel.cases;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface MediationCaseRepository extends JpaRepository<MediationCase, String>,
    JpaSpecificationExecutor<MediationCase> {}
