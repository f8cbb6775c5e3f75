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
 * What an SSML reply says, as text: markup dropped, `<sub>` read as its alias, pauses shown as
 * "…", audio as "[sound]".
 */
export function speechText(ssml: string): string {
  const out: string[] = [];
  let insideSub = false;
  for (const [piece] of ssml.matchAll(/<[^>]*>|[^<]+/g)) {
    if (!piece.startsWith('<')) {
      if (!insideSub) out.push(decodeEntities(piece));
      continue;
    }
    const name = /^<\/?\s*([\w:-]+)/.exec(piece)?.[1]?.toLowerCase();
    const closing = piece.startsWith('</');
    if (name === 'break' && !closing) out.push(` ${PAUSE} `);
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
