import { XMLValidator } from 'fast-xml-parser';

const ALEXA_TAGS = new Set(['speak', 'break', 'emphasis', 'lang', 'p', 'phoneme', 'prosody', 's', 'say-as', 'sub', 'voice', 'w', 'audio', 'amazon:domain', 'amazon:effect', 'amazon:emotion']);
const GOOGLE_TAGS = new Set(['speak', 'break', 'emphasis', 'lang', 'p', 'phoneme', 'prosody', 's', 'say-as', 'sub', 'voice', 'audio', 'mark', 'par', 'seq', 'media', 'desc']);

export function tagsOf(ssml: string): string[] {
  return [...ssml.matchAll(/<\/?([a-zA-Z][\w:-]*)/g)].map((match) => match[1]!);
}

/** Asserts that `ssml` is one well-formed <speak> document using only the platform's tags. */
export function expectValidSsml(ssml: string, platform: 'alexa' | 'google'): void {
  const validation = XMLValidator.validate(ssml);
  if (validation !== true) throw new Error(`SSML is not well-formed XML: ${JSON.stringify(validation.err)}\n${ssml}`);
  if (!ssml.startsWith('<speak>') || !ssml.endsWith('</speak>')) throw new Error(`SSML is not one <speak> document: ${ssml}`);
  const allowed = platform === 'alexa' ? ALEXA_TAGS : GOOGLE_TAGS;
  const foreign = tagsOf(ssml).filter((tag) => !allowed.has(tag));
  if (foreign.length > 0) throw new Error(`SSML for ${platform} uses tags it does not support: ${foreign.join(', ')}`);
}
