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
}

const attribute = (name: string, value: string) => ` ${name}="${escapeXml(value)}"`;

export function conversationRelayTwiml(connection: RelayConnection): string {
  const connect = connection.handoffUrl ? `<Connect${attribute('action', connection.handoffUrl)}>` : '<Connect>';
  const relay = [
    attribute('url', connection.socketUrl),
    attribute('welcomeGreeting', connection.welcomeGreeting),
    attribute('language', connection.language),
    connection.hints.length > 0 ? attribute('hints', connection.hints.join(',')) : '',
    // Order numbers, ZIP codes and card digits can be keyed in.
    attribute('dtmfDetection', 'true'),
    attribute('interruptible', 'any'),
  ].join('');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<Response>${connect}<ConversationRelay${relay}>`,
    `<Parameter${attribute('name', 'locale')}${attribute('value', connection.language)}/>`,
    '</ConversationRelay></Connect></Response>',
  ].join('');
}
