package nl.mediatafel.forum;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.mediatafel.cases.CaseDirectory;
import nl.mediatafel.cases.Party;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/** Builds the threads a participant sees for the portal and staff pages, and marks them read once shown. */
@Component
class ForumPages {

  private final ForumService forum;
  private final CaseDirectory caseDirectory;

  ForumPages(ForumService forum, CaseDirectory caseDirectory) {
    this.forum = forum;
    this.caseDirectory = caseDirectory;
  }

  /**
   * Adds what the thread fragment ({@code forum/thread.html}) reads on either page: the reader's threads (then marked
   * read), the errors and the draft of a post that was refused, the text limit, and {@code posted} as false.
   */
  ModelAndView withThreads(ModelAndView page, ForumParticipant reader, Map<String, String> errors, String draftThread,
      String draft) {
    page.addObject("threads", showAndMarkRead(reader));
    page.addObject("errors", errors);
    page.addObject("draftThread", draftThread);
    page.addObject("draft", draft);
    page.addObject("maxLength", ForumService.MAX_TEXT_LENGTH);
    page.addObject("posted", false);
    return page;
  }

  /** The visible threads with their posts and unread counts as they were before this view; then marks them read. */
  List<ThreadView> showAndMarkRead(ForumParticipant reader) {
    Map<UUID, String> names = caseDirectory.parties(reader.caseNumber()).stream()
        .collect(Collectors.toMap(Party::getId, Party::getName));
    List<ThreadView> views = new ArrayList<>();
    for (ForumThread thread : forum.threadsVisibleTo(reader)) {
      long unread = forum.unread(thread, reader);
      List<ThreadView.PostView> posts = forum.read(thread, reader).stream().map(post -> new ThreadView.PostView(
          post.isByMediator(), reader.wrote(post),
          post.isByMediator() ? null : names.getOrDefault(post.getAuthorPartyId(), ""), post.getPostedAt(),
          post.getText())).toList();
      views.add(new ThreadView(thread.key(), thread.isJoint(),
          thread.isJoint() ? null : names.get(thread.caucusPartyId()), posts, unread, reader.mayPost(thread)));
      forum.markRead(thread, reader);
    }
    return views;
  }
}
