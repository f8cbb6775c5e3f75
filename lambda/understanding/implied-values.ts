import type { IntentModel, LanguageModel, Sample } from './language-model';
import type { SlotFill } from './slot-fill';

/** A slot value a sample says in its own words, and which of its parts say it. */
export interface ImpliedValue {
  readonly fill: SlotFill;
  readonly parts: { readonly start: number; readonly end: number };
}
import { spokenNumber } from './spoken-numbers';

/**
 * Slot values a sample says in its own words: "my {item} stopped working" names the reason
 * (damaged) as surely as "my {item} is {reason}" said with "stopped working". Alexa's slot types
 * forbid two slots side by side, so such statements can only be samples; the shopper who says one
 * still gave the reason, and is not asked for it again.
 *
 * Only slots whose type lists every value it takes (a reason, a size, "my last order"), never a
 * slot the sample fills itself, and never a number word alone ("one" in "that one" is no ordinal).
 * The reading takes the value only when the shopper said those words of the sample (see
 * `saidImpliedValues`).
 */
export function impliedValues(intent: IntentModel, sample: Sample, model: LanguageModel, takesUnlisted: (slot: string) => boolean): readonly ImpliedValue[] {
  const inSample = new Set(sample.parts.flatMap((part) => (part.kind === 'slot' ? [part.slot] : [])));
  const implied: ImpliedValue[] = [];
  for (const [slot, typeName] of intent.slots) {
    const type = model.types.get(typeName);
    if (!type || inSample.has(slot) || takesUnlisted(slot)) continue;
    let best: { readonly id: string; readonly name: string; readonly phrase: readonly string[]; readonly start: number } | undefined;
    for (let start = 0; start < sample.parts.length; start += 1) {
      const first = sample.parts[start];
      if (first?.kind !== 'word') continue;
      for (const { value, phrase } of type.phrasesByFirstWord.get(first.word) ?? []) {
        const said = sample.parts.slice(start, start + phrase.length);
        const matches = said.length === phrase.length && said.every((part, at) => part.kind === 'word' && part.word === phrase[at]);
        if (!matches || spokenNumber([...phrase], model.language.numbers) !== undefined) continue;
        if (!best || phrase.length > best.phrase.length) best = { id: value.id, name: value.name, phrase, start };
      }
    }
    if (best) {
      const spoken = best.phrase.join(' ');
      implied.push({
        fill: { slot, type: typeName, spoken, value: spoken, resolution: { id: best.id, name: best.name } },
        parts: { start: best.start, end: best.start + best.phrase.length },
      });
    }
  }
  return implied;
}

/** The implied values whose words the shopper actually said, as the match of the sample found them. */
export function saidImpliedValues(implied: readonly ImpliedValue[], saidParts: readonly boolean[] | undefined): SlotFill[] {
  return implied.filter(({ parts }) => saidParts !== undefined && saidParts.slice(parts.start, parts.end).every(Boolean)).map(({ fill }) => fill);
}
