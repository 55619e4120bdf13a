// Mediatafel: Camunda Forms (form-js) in the 7.24 Tasklist write their validation messages in English only
// ("Field is required.", "Field must match pattern ^https://\S+$."), with no option to translate them. This custom
// script (config.js customScripts, Camunda's supported webapp customisation) rewrites each message in Dutch as it
// appears, unless the Tasklist runs in English. The patterns follow form-js's own texts; anything else is left alone.
const MESSAGES = [
  [/^Field is required\.$/, () => 'Dit veld is verplicht.'],
  [/^Field must match pattern .*\.$/, () => 'Deze invoer heeft niet de gevraagde vorm; zie de toelichting bij het veld.'],
  [/^Field must have minimum value of (.+)\.$/, (n) => `Vul minstens ${n} in.`],
  [/^Field must have maximum value of (.+)\.$/, (n) => `Vul hoogstens ${n} in.`],
  [/^Field must have minimum length of (.+)\.$/, (n) => `Gebruik minstens ${n} tekens.`],
  [/^Field must have maximum length of (.+)\.$/, (n) => `Gebruik hoogstens ${n} tekens.`],
  [/^Field must be a valid email\.$/, () => 'Vul een geldig e-mailadres in.'],
  [/^Field must be a valid\s+international phone number\..*$/, () => 'Vul een geldig internationaal telefoonnummer in (bijvoorbeeld +31201234567).'],
  [/^Value is not a number\.$/, () => 'Vul een getal in.'],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (a, b) => `Kies een geldige waarde; de dichtstbijzijnde zijn ${a} en ${b}.`],
  [/^The value must not contain more than (.+)\.$/, (n) => `Gebruik niet meer dan ${n.replace(/decimal digits?/, 'decimalen')}.`]
];

// The Tasklist picks the first browser language it offers (config.js: nl, en), else English; so do we.
function english() {
  for (const language of navigator.languages || [navigator.language || '']) {
    const code = language.slice(0, 2).toLowerCase();
    if (code === 'nl' || code === 'en') {
      return code === 'en';
    }
  }
  return true;
}

export function translate(text) {
  for (const [pattern, dutch] of MESSAGES) {
    const match = pattern.exec(text);
    if (match) {
      return dutch(...match.slice(1));
    }
  }
  return text;
}

function translateErrors(root) {
  if (english()) {
    return;
  }
  // change the text node's data in place: form-js (Preact) keeps that node and updates it when the message changes
  root.querySelectorAll('.fjs-form-field-error li').forEach((item) => {
    item.childNodes.forEach((node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        const dutch = translate(node.data.trim());
        if (dutch !== node.data.trim()) {
          node.data = dutch;
        }
      }
    });
  });
}

// form-js writes the empty select's placeholder in English too
function translatePlaceholders(root) {
  if (english()) {
    return;
  }
  root.querySelectorAll('.fjs-select-placeholder').forEach((placeholder) => {
    placeholder.childNodes.forEach((node) => {
      if (node.nodeType === Node.TEXT_NODE && node.data.trim() === 'Select') {
        node.data = 'Kies…';
      }
    });
  });
  root.querySelectorAll('.fjs-container input[placeholder="Search"]').forEach((input) => {
    input.placeholder = 'Zoeken…';
  });
}

// A listener or delegate that refuses a form throws a ProcessEngineException with a Dutch text naming the field; the
// REST API wraps it in English ("Cannot submit task form <id>: ENGINE-03051 There was an exception while invoking the
// TaskListener. Message: 'Exception while invoking TaskListener: <Dutch text>'"). Show only the Dutch text.
export function refusal(text) {
  const submit = /^Cannot submit task form [^:\s]+: ([\s\S]*)$/.exec(text);
  if (!submit) {
    return text;
  }
  const listener = /Exception while invoking TaskListener: ([\s\S]*?)'?$/.exec(submit[1]);
  if (listener) {
    return listener[1];
  }
  return submit[1].replace(/^ENGINE-\d+ /, '');
}

function translateNotifications(root) {
  if (english()) {
    return;
  }
  root.querySelectorAll('.alert .message').forEach((message) => {
    const text = message.textContent.trim();
    const dutch = refusal(text);
    if (dutch !== text) {
      message.textContent = dutch;
    }
  });
}

// few messages at a time: look at all of them after every change
new MutationObserver(() => {
  translateErrors(document);
  translateNotifications(document);
  translatePlaceholders(document);
})
  .observe(document.documentElement, { childList: true, subtree: true, characterData: true });
