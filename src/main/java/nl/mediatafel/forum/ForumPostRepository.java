package nl.mediatafel.forum;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ForumPostRepository extends JpaRepository<ForumPost, UUID> {

  List<ForumPost> findByCaseNumberAndThreadOrderByPostedAtAscIdAsc(String caseNumber, String thread);

  List<ForumPost> findByCaseNumberOrderByPostedAtAsc(String caseNumber);
}
