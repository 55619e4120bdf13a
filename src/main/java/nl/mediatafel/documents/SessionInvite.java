package nl.mediatafel.documents;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A session (bijeenkomst, videogesprek, apart gesprek) as a calendar invitation. Send the same {@code sessionId} with
 * a higher {@code sequence} when the session moves or is cancelled: calendars then update the entry they already
 * have instead of adding a second one.
 *
 * @param sessionId stable id of the session; the invitation's UID is {@code <sessionId>@mediatafel.nl}
 * @param sequence 0 for the first invitation, one higher for every change
 * @param location the address of a face-to-face session, or {@code null}
 * @param videoLink the link of a video session, or {@code null}
 * @param cancelled {@code true} to withdraw the invitation (METHOD:CANCEL)
 */
public record SessionInvite(String sessionId, int sequence, String title, ZonedDateTime start, ZonedDateTime end,
    String location, String videoLink, String organizerName, String organizerEmail, List<Attendee> attendees,
    boolean cancelled) {

  /** One invited person; parties and their advisors are invited by e-mail address. */
  public record Attendee(String name, String email) {

    public Attendee {
      requireText("attendee e-mail", email);
    }
  }

  public SessionInvite {
    requireText("sessionId", sessionId);
    requireText("title", title);
    requireText("organizerEmail", organizerEmail);
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("A session ends after it starts: " + start + " - " + end);
    }
    if (sequence < 0) {
      throw new IllegalArgumentException("sequence cannot be negative: " + sequence);
    }
    attendees = List.copyOf(attendees);
  }

  private static void requireText(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is missing");
    }
  }
}
