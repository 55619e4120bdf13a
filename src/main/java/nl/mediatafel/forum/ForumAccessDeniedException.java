package nl.mediatafel.forum;

/** The participant may not read or write in this thread; pages answer it like a thread that does not exist. */
class ForumAccessDeniedException extends RuntimeException {

  ForumAccessDeniedException(String message) {
    super(message);
  }
}
