package nl.mediatafel.forum;

/** A post that is not stored: empty or too long. {@link #messageKey()} names the text for the field. */
class InvalidForumPostException extends RuntimeException {

  private final String messageKey;

  InvalidForumPostException(String messageKey, String message) {
    super(message);
    this.messageKey = messageKey;
  }

  /** The key in {@code i18n/forum_*.properties} of the message for the {@code text} field. */
  public String messageKey() {
    return messageKey;
  }
}
