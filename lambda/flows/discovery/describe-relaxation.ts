import type { Product } from '../../commerce/ports';
import type { ProductQuery } from '../../commerce/product-query';
import { type Speech, text } from '../../speech/speech';
import type { Voice } from '../../speech/voice';
import type { Relaxation } from './relax-query';

function budget(voice: Voice, query: ProductQuery, currency: Product['price']['currency']): Speech {
  const { minMinor, maxMinor } = query.price;
  const amount = (minor: number) => voice.money({ minor, currency });
  if (minMinor !== undefined && maxMinor !== undefined) {
    return voice.say('discovery.budgetBetween', { low: amount(minMinor), high: amount(maxMinor) });
  }
  if (maxMinor !== undefined) return voice.say('discovery.budgetUnder', { amount: amount(maxMinor) });
  return voice.say('discovery.budgetOver', { amount: amount(minMinor ?? 0) });
}

/** What the shopper asked for, in a few words: "waterproof", "hiking". */
function asked(query: ProductQuery): Speech {
  return [text(Object.values(query.attributes).flat().join(' '))];
}

/**
 * Says which constraint found nothing and what dropping it would give:
 * "I found nothing waterproof under 150 dollars; the cheapest is 179 dollars. Want to hear it?"
 */
export function describeRelaxation(voice: Voice, query: ProductQuery, relaxed: Relaxation, count: number, first: Product): Speech {
  switch (relaxed.kind) {
    case 'price':
      return voice.say('discovery.relaxPrice', {
        what: asked(query),
        budget: budget(voice, query, first.price.currency),
        price: voice.money(first.price),
      });
    case 'words':
      return voice.say('discovery.relaxWords', { words: query.words.join(' '), count });
    case 'attribute':
      return voice.say('discovery.relaxAttribute', { value: relaxed.value, count });
    case 'brand':
      return voice.say('discovery.relaxBrand', { brand: query.brand ?? '', count });
  }
}
