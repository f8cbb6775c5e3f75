/** How a pause (`<break>`) shows in text. */
export const PAUSE = '…';

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  const value = match?.[1] ?? match?.[2];
  return value === undefined ? undefined : decodeEntities(value);
}

/**
 * A `<say-as interpret-as="date">` as a person reads it: Alexa's "????1125" and Google's "11-25"
 * (format="mmdd") become "November 25" (en-US) or "25. November" (de-DE). Undefined when unreadable.
 */
export function readableDate(content: string, format: string | undefined, locale: string): string | undefined {
  const compact = /^([\d?]{4})([\d?]{2})([\d?]{2})$/.exec(content.trim());
  const fields = compact ? compact.slice(1) : content.trim().split(/[-/.\s]+/);
  const order = compact ? 'ymd' : (format ?? 'ymd').replace(/[^ymd]/g, '').replace(/(.)\1+/g, '$1');
  const field = (letter: string) => {
    const value = fields[order.indexOf(letter)];
    return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
  };
  const [year, month, day] = [field('y'), field('m'), field('d')];
  if (month === undefined || month < 1 || month > 12 || (day !== undefined && (day < 1 || day > 31))) return undefined;
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', month: 'long', ...(day !== undefined ? { day: 'numeric' } : {}), ...(year !== undefined ? { year: 'numeric' } : {}) };
  return new Intl.DateTimeFormat(locale, options).format(new Date(Date.UTC(year ?? 2000, month - 1, day ?? 1)));
}

/**
 * What an SSML reply says, as text: markup dropped, `<sub>` read as its alias, pauses shown as
 * "…", audio as "[sound]", and `<say-as>` dates as words in the reply's locale.
 */
export function speechText(ssml: string, locale = 'en-US'): string {
  const out: string[] = [];
  let insideSub = false;
  let date: { readonly format?: string; content: string } | undefined;
  for (const [piece] of ssml.matchAll(/<[^>]*>|[^<]+/g)) {
    if (!piece.startsWith('<')) {
      if (date) date.content += decodeEntities(piece);
      else if (!insideSub) out.push(decodeEntities(piece));
      continue;
    }
    const name = /^<\/?\s*([\w:-]+)/.exec(piece)?.[1]?.toLowerCase();
    const closing = piece.startsWith('</');
    if (name === 'say-as' && !closing && attribute(piece, 'interpret-as') === 'date' && !piece.endsWith('/>')) {
      date = { format: attribute(piece, 'format'), content: '' };
    } else if (name === 'say-as' && closing && date) {
      out.push(readableDate(date.content, date.format, locale) ?? date.content);
      date = undefined;
    } else if (name === 'break' && !closing) out.push(` ${PAUSE} `);
    else if (name === 'audio' && !closing) out.push(' [sound] ');
    else if (name === 'sub') {
      insideSub = !closing && !piece.endsWith('/>');
      if (insideSub) out.push(attribute(piece, 'alias') ?? '');
    } else if (name === 'p' || name === 's') out.push(' ');
  }
  return out
    .join('')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.?!:;])/g, '$1')
    .replace(new RegExp(`(${PAUSE}\\s*)+`, 'g'), `${PAUSE} `)
    .trim()
    .replace(new RegExp(`\\s*${PAUSE}$`), '');
}
