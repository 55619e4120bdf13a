package nl.mediatafel.settlement;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import nl.mediatafel.process.FormRefusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agreed points of a case's settlement agreement. The mediator writes them one per line; each completion of
 * "Vaststellingsovereenkomst opstellen" stores a new version, and the newest version is what the document shows.
 */
@Service
public class SettlementDrafts {

  public static final int MAX_POINTS = 50;
  public static final int MAX_POINT_LENGTH = 2000;
  /** A typed list number or bullet at the start of a line: "1.", "12)", "3:", "-", "*", "•", "–", then a space. */
  private static final Pattern LIST_MARKER = Pattern.compile("^(?:\\(?\\d{1,3}[.):]|[-*•–])\\s+");

  private final SettlementDraftRepository drafts;
  private final Clock clock;

  SettlementDrafts(SettlementDraftRepository drafts, Clock clock) {
    this.drafts = drafts;
    this.clock = clock;
  }

  /**
   * Stores a new version from the form's text: one point per non-empty line.
   *
   * @throws FormRefusal when there is no point, more than {@value #MAX_POINTS}, or one is too long
   */
  @Transactional
  public SettlementDraft record(String caseNumber, String text, String draftedBy) {
    List<String> points = parse(text);
    int version = drafts.findFirstByCaseNumberOrderByVersionDesc(caseNumber).map(d -> d.getVersion() + 1).orElse(1);
    return drafts.save(new SettlementDraft(caseNumber, version, points, draftedBy, clock.instant()));
  }

  /** The points of the newest version; empty when nothing was drafted yet. */
  public List<String> currentPoints(String caseNumber) {
    return drafts.findFirstByCaseNumberOrderByVersionDesc(caseNumber).map(SettlementDraft::getPoints).orElse(List.of());
  }

  /**
   * One point per non-empty line. The document numbers the points itself, so a number or bullet the mediator typed in
   * front ("1. ", "2) ", "- ", "• ") is left out; otherwise the agreement would read "1. 1. …". A number that is part
   * of the text ("1.000 euro", "2026: …") stays.
   */
  static List<String> parse(String text) {
    List<String> points = text == null ? List.of()
        : Arrays.stream(text.split("\\R")).map(String::strip)
            .map(line -> LIST_MARKER.matcher(line).replaceFirst("").strip())
            .filter(line -> !line.isEmpty()).toList();
    if (points.isEmpty()) {
      throw new FormRefusal("settlement.no-points");
    }
    if (points.size() > MAX_POINTS) {
      throw new FormRefusal("settlement.too-many-points", MAX_POINTS, points.size());
    }
    for (int i = 0; i < points.size(); i++) {
      if (points.get(i).length() > MAX_POINT_LENGTH) {
        throw new FormRefusal("settlement.point-too-long", i + 1, MAX_POINT_LENGTH);
      }
    }
    return points;
  }
}
