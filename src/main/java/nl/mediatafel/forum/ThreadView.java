package nl.mediatafel.forum;

import java.time.Instant;
import java.util.List;

/**
 * A thread as a page shows it.
 *
 * @param key the thread's {@link ForumThread#key()}, posted back with a new message
 * @param partyName the party of a caucus thread; null for the joint thread
 * @param unread posts of others the reader had not seen before this page
 * @param writable whether the reader may post here
 */
record ThreadView(String key, boolean joint, String partyName, List<PostView> posts, long unread, boolean writable) {

  /** One post: who wrote it (a message key and a name), when, and the text (always rendered escaped). */
  record PostView(boolean byMediator, boolean own, String authorName, Instant postedAt, String text) {}
}
