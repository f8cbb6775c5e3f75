// The dev console page. Plain JavaScript, no build step: every reply is shown with textContent,
// never as HTML, and SSML is read with an XML parser.

import { renderAplDirective } from './apl-screen.js';

const PAUSE = '…';
/** The shopper choice that reveals a field for any shopper id the store knows. */
const OTHER_SHOPPER = '(other)';

const elements = {
  platform: document.getElementById('platform'),
  locale: document.getElementById('locale'),
  shopper: document.getElementById('shopper'),
  shopperId: document.getElementById('shopper-id'),
  shopperIdLabel: document.querySelector('label[for="shopper-id"]'),
  shopperStory: document.getElementById('shopper-story'),
  screen: document.getElementById('screen'),
  speakReplies: document.getElementById('speak-replies'),
  newSession: document.getElementById('new-session'),
  transcript: document.getElementById('transcript'),
  announcer: document.getElementById('reply-announcer'),
  sayForm: document.getElementById('say'),
  said: document.getElementById('said'),
  send: document.getElementById('send'),
  listen: document.getElementById('listen'),
  status: document.getElementById('status'),
  understood: document.getElementById('understood'),
  sessionState: document.getElementById('session-state'),
  requestJson: document.getElementById('request-json'),
  responseJson: document.getElementById('response-json'),
  screenViewport: document.getElementById('screen-viewport'),
  screenStatus: document.getElementById('screen-status'),
};

const conversation = { setup: undefined, session: undefined, call: undefined, busy: false };

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function option(value, label) {
  const node = element('option', undefined, label);
  node.value = value;
  return node;
}

/** Declares the tag prefixes SSML uses without declaring them (Alexa's `amazon:`), so it parses as XML. */
function withPrefixesDeclared(ssml) {
  const prefixes = new Set([...ssml.matchAll(/<\/?([A-Za-z][\w-]*):/g)].map((match) => match[1]));
  const declarations = [...prefixes].map((prefix) => ` xmlns:${prefix}="urn:ssml:${prefix}"`).join('');
  return ssml.replace(/^\s*<speak\b/, (start) => start + declarations);
}

/** What SSML says, as text: markup dropped, <sub> read as its alias, pauses shown as "…". */
function ssmlText(ssml) {
  if (!ssml) return '';
  const parsed = new DOMParser().parseFromString(withPrefixesDeclared(ssml), 'application/xml');
  // Not well-formed: show the words without the tags rather than nothing.
  if (parsed.getElementsByTagName('parsererror').length > 0) return ssml.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  const parts = [];
  const read = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) parts.push(child.nodeValue);
      else if (child.nodeType !== Node.ELEMENT_NODE) continue;
      else if (child.localName === 'break') parts.push(` ${PAUSE} `);
      else if (child.localName === 'audio') parts.push(' [sound] ');
      else if (child.localName === 'sub') parts.push(child.getAttribute('alias') ?? child.textContent);
      else {
        if (child.localName === 'p' || child.localName === 's') parts.push(' ');
        read(child);
      }
    }
  };
  read(parsed.documentElement);
  return parts
    .join('')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.?!:;])/g, '$1')
    .replace(/(…\s*)+/g, `${PAUSE} `)
    .trim()
    .replace(/\s*…$/, '');
}

function platformName(id) {
  return conversation.setup?.platforms.find((platform) => platform.id === id)?.name ?? id;
}

function settings() {
  return {
    platform: elements.platform.value,
    locale: elements.locale.value,
    shopperId: chosenShopperId(),
    screen: elements.screen.checked,
  };
}

function chosenShopperId() {
  if (elements.shopper.value === OTHER_SHOPPER) return elements.shopperId.value.trim() || null;
  return elements.shopper.value || null;
}

function scrollToLatest() {
  elements.transcript.lastElementChild?.scrollIntoView({ block: 'nearest' });
}

function note(text) {
  elements.transcript.append(element('li', 'note', text));
  scrollToLatest();
}

function startNewSession(reason) {
  if (conversation.session || elements.transcript.childElementCount > 0) note(reason);
  conversation.session = undefined;
  hangUp();
  window.speechSynthesis?.cancel();
}

function showShopperStory() {
  const other = elements.shopper.value === OTHER_SHOPPER;
  elements.shopperId.hidden = !other;
  elements.shopperIdLabel.hidden = !other;
  const shopper = conversation.setup?.shoppers.find((candidate) => candidate.id === elements.shopper.value);
  elements.shopperStory.textContent = other
    ? 'Linked account: any shopper your store knows, by id (signed in with a development token).'
    : shopper
      ? `Linked account: ${shopper.story}.`
      : 'No linked account: the assistant asks to link one for anything personal.';
}

function speak(text) {
  if (!elements.speakReplies.checked || !('speechSynthesis' in window) || text === '') return;
  const utterance = new SpeechSynthesisUtterance(text.replaceAll(PAUSE, ','));
  utterance.lang = elements.locale.value;
  window.speechSynthesis.cancel();
  window.speechSynthesis.speak(utterance);
}

function describeSlot(slot) {
  const resolved = slot.resolution === 'no-match' ? ' (no value of its type)' : slot.resolution ? ` → ${slot.resolution.id}` : '';
  const value = slot.value === slot.spoken ? `"${slot.spoken}"` : `"${slot.spoken}" = ${slot.value}`;
  return `${slot.slot}: ${value}${resolved}`;
}

function showUnderstood(understanding, sentAs) {
  const rows =
    understanding.kind === 'launch'
      ? [['Request', `${sentAs} (the skill was opened by name)`]]
      : [
          ['Intent', sentAs],
          ['Slots', understanding.slots.length > 0 ? understanding.slots.map(describeSlot).join('; ') : 'none'],
          ['Matched sample', understanding.sample ?? (understanding.bareAnswer ? 'none (a bare answer to the question in progress)' : 'none')],
          ['Confidence', understanding.confidence.toFixed(2)],
          ['Best intents', understanding.candidates.map((candidate) => `${candidate.intent} ${candidate.score.toFixed(2)}`).join(', ')],
        ];
  elements.understood.replaceChildren(...rows.flatMap(([term, description]) => [element('dt', undefined, term), element('dd', undefined, description)]));
}

function showExchange(exchange) {
  showUnderstood(exchange.understanding, exchange.sentAs);
  elements.sessionState.textContent = JSON.stringify(exchange.reply?.attributes ?? {}, null, 2);
  elements.requestJson.textContent = JSON.stringify(exchange.request, null, 2);
  elements.responseJson.textContent = JSON.stringify(exchange.response.body, null, 2);
}

function replyEntry(platform, exchange) {
  const entry = element('li', 'turn assistant');
  entry.dataset.speaker = 'assistant';
  entry.append(element('span', 'speaker', platformName(platform)));
  const reply = exchange.reply;
  if (!reply) {
    entry.append(element('p', 'error', `The adapter answered ${exchange.response.status}: ${JSON.stringify(exchange.response.body)}`));
    return { entry, spoken: '' };
  }
  // The server reads the reply in the console's locale (dates as words, phone numbers grouped).
  const spoken = typeof reply.text === 'string' ? reply.text : ssmlText(reply.ssml);
  entry.append(element('p', 'speech', spoken || '(says nothing)'));
  if (reply.card) {
    const card = element('div', 'card');
    card.append(element('p', 'card-title', reply.card.title), element('p', 'card-text', reply.card.text));
    entry.append(card);
  }
  if (reply.suggestions.length > 0) entry.append(element('p', 'suggestions', `Suggestions: ${reply.suggestions.join(' · ')}`));
  if (reply.linkAccount) entry.append(element('p', 'note', 'Asks the shopper to link their account.'));
  if (reply.sessionEnded) entry.append(element('p', 'note', 'The session ended; what is said next starts a new one.'));
  return { entry, spoken };
}

/** Draws the APL document of a reply, as an Echo Show would; a touch is noted with what the device would send. */
function showScreen(reply) {
  const screen = reply?.screen;
  elements.screenViewport.hidden = !screen;
  if (!screen) {
    elements.screenViewport.replaceChildren();
    elements.screenStatus.textContent = elements.screen.checked ? 'This reply shows nothing on the screen.' : 'The device has no screen.';
    return;
  }
  elements.screenStatus.textContent = `APL document "${screen.token ?? ''}". Touching an item sends Alexa.Presentation.APL.UserEvent with its arguments.`;
  renderAplDirective(elements.screenViewport, screen, (args) => note(`Touched: the device sends a UserEvent with ${JSON.stringify(args)}.`));
}

/** Hangs up the phone call in progress, if there is one. */
function hangUp() {
  const call = conversation.call;
  conversation.call = undefined;
  if (!call) return;
  fetch('/dev-console/api/call/hang-up', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ call }) }).catch(() => undefined);
}

function assistantSays(text) {
  const entry = element('li', 'turn assistant');
  entry.dataset.speaker = 'assistant';
  entry.append(element('span', 'speaker', platformName('phone')), element('p', 'speech', text || '(says nothing)'));
  elements.transcript.append(entry);
}

/** One thing the caller says (or keys, as #1234) on the phone line, over the relay's protocol. */
async function takeCallTurn(said, turnSettings) {
  const callerEntry = element('li', 'turn shopper');
  callerEntry.dataset.speaker = 'shopper';
  const keys = /^#([0-9\s]+)$/.exec(said);
  callerEntry.append(element('span', 'speaker', 'Caller'), element('p', 'speech', keys ? `(keys ${keys[1].replace(/\s/g, '')} #)` : said));
  elements.transcript.append(callerEntry);
  scrollToLatest();
  elements.status.textContent = conversation.call ? 'Sending to the phone line…' : 'Calling the phone line…';
  const response = await fetch('/dev-console/api/call', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ call: conversation.call ?? null, shopperId: turnSettings.shopperId, locale: turnSettings.locale, said }),
  });
  const body = await response.json();
  if (response.status === 410) conversation.call = undefined;
  if (!response.ok) throw new Error(body.error ?? `the server answered ${response.status}`);
  const { exchange } = body;
  conversation.call = exchange.ended ? undefined : exchange.call;
  if (exchange.greeting) assistantSays(exchange.greeting);
  if (exchange.language) note(`The line switched its language to ${exchange.language}.`);
  const heard = exchange.talks.map((talk) => talk.join('')).filter((talk) => talk !== '');
  for (const talk of heard) assistantSays(talk);
  if (exchange.ended) note(exchange.handoffData ? `The assistant passed the call on. HandoffData: ${exchange.handoffData}` : 'The assistant ended the call; what is said next places a new one.');
  scrollToLatest();
  const sentAs = exchange.sent.map((message) => (message.type === 'dtmf' ? `dtmf ${message.digit}` : message.type)).join(', ');
  elements.understood.replaceChildren(element('dt', undefined, 'Relay messages sent'), element('dd', undefined, sentAs));
  elements.sessionState.textContent = JSON.stringify({ call: exchange.call, ended: exchange.ended }, null, 2);
  elements.requestJson.textContent = JSON.stringify(exchange.sent, null, 2);
  elements.responseJson.textContent = JSON.stringify(exchange.received, null, 2);
  const spoken = heard.join(' ');
  elements.announcer.textContent = spoken;
  elements.status.textContent = '';
  speak(spoken);
}

async function takeTurn(said) {
  const turnSettings = settings();
  if (turnSettings.platform === 'phone') return takeCallTurn(said, turnSettings);
  const shopperEntry = element('li', 'turn shopper');
  shopperEntry.dataset.speaker = 'shopper';
  shopperEntry.append(element('span', 'speaker', 'Shopper'), element('p', 'speech', said));
  elements.transcript.append(shopperEntry);
  scrollToLatest();
  elements.status.textContent = `Sending to ${platformName(turnSettings.platform)}…`;
  const response = await fetch('/dev-console/api/turn', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ settings: turnSettings, session: conversation.session ?? null, said }),
  });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ?? `the server answered ${response.status}`);
  const { exchange } = body;
  conversation.session = exchange.session;
  const { entry, spoken } = replyEntry(turnSettings.platform, exchange);
  elements.transcript.append(entry);
  scrollToLatest();
  showExchange(exchange);
  showScreen(exchange.reply);
  elements.announcer.textContent = spoken;
  elements.status.textContent = '';
  speak(spoken);
}

async function submit(event) {
  event.preventDefault();
  const said = elements.said.value.trim();
  if (said === '' || conversation.busy) return;
  conversation.busy = true;
  elements.send.disabled = true;
  try {
    await takeTurn(said);
    elements.said.value = '';
  } catch (error) {
    elements.status.textContent = `Could not take that turn: ${error.message}`;
  } finally {
    conversation.busy = false;
    elements.send.disabled = false;
    elements.said.focus();
  }
}

function setUpListening() {
  const Recognition = window.SpeechRecognition ?? window.webkitSpeechRecognition;
  if (!Recognition) return;
  elements.listen.hidden = false;
  let recognition;
  elements.listen.addEventListener('click', () => {
    if (recognition) {
      recognition.stop();
      return;
    }
    recognition = new Recognition();
    recognition.lang = elements.locale.value;
    recognition.interimResults = false;
    recognition.addEventListener('result', (event) => {
      elements.said.value = event.results[0]?.[0]?.transcript ?? '';
      elements.sayForm.requestSubmit();
    });
    recognition.addEventListener('error', (event) => {
      elements.status.textContent = `The browser could not listen: ${event.error}`;
    });
    recognition.addEventListener('end', () => {
      recognition = undefined;
      elements.listen.setAttribute('aria-pressed', 'false');
      elements.listen.textContent = 'Speak';
    });
    elements.listen.setAttribute('aria-pressed', 'true');
    elements.listen.textContent = 'Stop listening';
    recognition.start();
  });
}

async function loadSetup() {
  const response = await fetch('/dev-console/api/setup');
  if (!response.ok) throw new Error(`the server answered ${response.status}`);
  const setup = await response.json();
  conversation.setup = setup;
  elements.platform.replaceChildren(...setup.platforms.map((platform) => option(platform.id, platform.name)));
  elements.locale.replaceChildren(...setup.locales.map((locale) => option(locale, locale)));
  elements.shopper.replaceChildren(
    option('', 'Guest (no linked account)'),
    ...setup.shoppers.map((shopper) => option(shopper.id, `${shopper.name} (${shopper.id})`)),
    option(OTHER_SHOPPER, 'Another shopper of the store…'),
  );
  elements.platform.value = setup.defaults.platform;
  elements.locale.value = setup.defaults.locale;
  elements.shopper.value = setup.defaults.shopperId ?? '';
  showShopperStory();
  if (!setup.trustsDevKey) {
    elements.status.textContent = 'This server does not trust the development key, so linked shoppers will be asked to link.';
  }
}

elements.sayForm.addEventListener('submit', submit);
elements.newSession.addEventListener('click', () => {
  startNewSession('New session.');
  elements.said.focus();
});
for (const control of [elements.platform, elements.locale, elements.shopper, elements.shopperId, elements.screen]) {
  control.addEventListener('change', () => startNewSession('Device changed: new session.'));
}
elements.shopper.addEventListener('change', showShopperStory);
setUpListening();
loadSetup().then(
  () => {
    document.body.dataset.ready = 'true';
    elements.said.focus();
  },
  (error) => {
    elements.status.textContent = `Could not load the console: ${error.message}`;
  },
);
