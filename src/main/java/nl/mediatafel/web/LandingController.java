package nl.mediatafel.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The front door at {@code /}: what Mediatafel is and where each kind of user goes. */
@Controller
class LandingController {

  @GetMapping("/")
  String landing() {
    return "landing";
  }
}
