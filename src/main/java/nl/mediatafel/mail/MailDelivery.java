package nl.mediatafel.mail;

/** Hands a rendered mail over to the world, or keeps it (capture). Returns the message id. */
interface MailDelivery {

  String deliver(OutgoingMail mail, RenderedMail rendered);

  MailLog.Status deliveredStatus();
}
