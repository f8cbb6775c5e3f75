import SsmlBuilder from 'ssml-builder';
import { groupedTelephone, type Speech, type SpeechPart } from './speech';

/** Which SSML dialect to write: Alexa accepts amazon:* tags, Google does not. */
export type SsmlDialect = 'alexa' | 'google';

/** Escapes text for use in SSML content or an attribute value. */
export function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Control characters are not allowed in XML 1.0 and make the speech service reject the whole reply. */
function withoutControlCharacters(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

function dateMarkup(iso: string, dialect: SsmlDialect): string {
  const [, month, day] = iso.split('-');
  // Within a conversation the year is implied, and saying it makes every answer longer.
  return dialect === 'alexa'
    ? `<say-as interpret-as="date">????${escapeXml(month ?? '')}${escapeXml(day ?? '')}</say-as>`
    : `<say-as interpret-as="date" format="mmdd" detail="2">${escapeXml(`${month}-${day}`)}</say-as>`;
}

function telephoneMarkup(number: string, dialect: SsmlDialect): string {
  const grouped = escapeXml(groupedTelephone(number));
  // Google reads a telephone by its country's conventions when told the country code; Alexa infers it.
  const northAmerican = dialect === 'google' && /^1?\d{10}$/.test(number);
  return `<say-as interpret-as="telephone"${northAmerican ? ' format="1"' : ''}>${grouped}</say-as>`;
}

/**
 * A name in another language: Alexa switches pronunciation with `<lang>`. Google's Assistant
 * SSML has no `<lang>` element, so there the name is plain text in the reply's voice.
 */
function foreignMarkup(lang: string, value: string, dialect: SsmlDialect): string {
  const clean = escapeXml(withoutControlCharacters(value));
  return dialect === 'alexa' ? `<lang xml:lang="${escapeXml(lang)}">${clean}</lang>` : clean;
}

function append(builder: SsmlBuilder, part: SpeechPart, dialect: SsmlDialect): void {
  switch (part.kind) {
    case 'text': {
      const clean = withoutControlCharacters(part.text);
      if (clean.length > 0) builder.say(clean);
      return;
    }
    case 'pause':
      builder.pause(`${Math.round(part.ms)}ms`);
      return;
    case 'digits':
      // ssml-builder leaves the say-as word unescaped; escape it here.
      builder.sayAs({ word: escapeXml(withoutControlCharacters(part.digits)), interpret: 'digits' });
      return;
    case 'date':
      builder.sayWithSSML(dateMarkup(part.iso, dialect));
      return;
    case 'telephone':
      builder.sayWithSSML(telephoneMarkup(part.number, dialect));
      return;
    case 'foreign':
      if (part.text.trim().length > 0) builder.sayWithSSML(foreignMarkup(part.lang, part.text, dialect));
      return;
    case 'cheerful': {
      const inner = renderParts(part.parts, dialect);
      builder.sayWithSSML(
        dialect === 'alexa' ? `<amazon:emotion name="excited" intensity="low">${inner}</amazon:emotion>` : inner,
      );
      return;
    }
  }
}

function renderParts(speech: Speech, dialect: SsmlDialect): string {
  const builder = new SsmlBuilder();
  for (const part of speech) append(builder, part, dialect);
  // ssml-builder joins its elements with spaces; a space before punctuation can be heard as a pause.
  return builder
    .ssml(true)
    .replace(/ {2,}/g, ' ')
    .replace(/ ([,.?!;:])/g, '$1')
    .trim();
}

/** Renders speech as a complete `<speak>` document in the platform's dialect. */
export function renderSsml(speech: Speech, dialect: SsmlDialect): string {
  return `<speak>${renderParts(speech, dialect)}</speak>`;
}
