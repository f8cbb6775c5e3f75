import { escapeXml } from '../../speech/ssml';

/**
 * The TwiML that answers an incoming call by connecting it to this server over ConversationRelay
 * (`<Connect><ConversationRelay>`): the relay greets the caller, recognises speech in the call's
 * language with the catalog's words as hints, reports keypad digits, and opens the WebSocket.
 */
export interface RelayConnection {
  /** The WebSocket the relay opens, wss:// (the signature of its handshake covers this exact URL). */
  readonly socketUrl: string;
  /** Said by the relay as soon as the call connects, while the socket opens. */
  readonly welcomeGreeting: string;
  /** BCP 47, e.g. "en-US": speech recognition and synthesis. */
  readonly language: string;
  /** Words and phrases speech recognition should expect: product names, brands, categories. */
  readonly hints: readonly string[];
  /** Where Twilio posts when the assistant ends the relay (with HandoffData); without it the call ends there. */
  readonly handoffUrl?: string;
  /** Every language the call may switch to with a `language` message (BCP 47), the call's own among them. */
  readonly languages?: readonly string[];
}

const attribute = (name: string, value: string) => ` ${name}="${escapeXml(value)}"`;

/** The `<Response>` both providers read: `<Connect>` (with its action) around `<ConversationRelay>` and the call's locale as a parameter. */
function relayResponse(connection: RelayConnection, relayAttributes: string, children = ''): string {
  const connect = connection.handoffUrl ? `<Connect${attribute('action', connection.handoffUrl)}>` : '<Connect>';
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<Response>${connect}<ConversationRelay${relayAttributes}>`,
    `<Parameter${attribute('name', 'locale')}${attribute('value', connection.language)}/>`,
    children,
    '</ConversationRelay></Connect></Response>',
  ].join('');
}

/**
 * Telnyx's TeXML for the same answer: its `<ConversationRelay>` takes the same url, greeting,
 * language, keypad and barge-in attributes, and has no `hints` (its recognisers are chosen per
 * language instead), so the catalog's words are not sent.
 */
export function conversationRelayTexml(connection: RelayConnection): string {
  return relayResponse(
    connection,
    [
      attribute('url', connection.socketUrl),
      attribute('welcomeGreeting', connection.welcomeGreeting),
      attribute('language', connection.language),
      attribute('dtmfDetection', 'true'),
      attribute('interruptible', 'any'),
    ].join(''),
    // Telnyx declares the languages a call may switch to with the same <Language code> children.
    (connection.languages ?? []).map((code) => `<Language${attribute('code', code)}/>`).join(''),
  );
}

export function conversationRelayTwiml(connection: RelayConnection): string {
  return relayResponse(
    connection,
    [
      attribute('url', connection.socketUrl),
      attribute('welcomeGreeting', connection.welcomeGreeting),
      attribute('language', connection.language),
      connection.hints.length > 0 ? attribute('hints', connection.hints.join(',')) : '',
      // Order numbers, ZIP codes and card digits can be keyed in.
      attribute('dtmfDetection', 'true'),
      attribute('interruptible', 'any'),
    ].join(''),
    // Declared languages are the ones a `language` message may switch the call to mid-call.
    (connection.languages ?? []).map((code) => `<Language${attribute('code', code)}/>`).join(''),
  );
}
