import type { Product } from '../../commerce/ports';
import type { ProductPage, ProductQuery } from '../../commerce/product-query';
import type { Speech } from '../../speech/speech';
import type { Voice } from '../../speech/voice';
import type { CatalogWords } from './catalog-words';
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

/**
 * Says which constraint found nothing and what dropping it would give, without repeating the rest
 * of what the shopper just asked for: "I found nothing like that under 150 dollars; the cheapest
 * is 179 dollars. Want to hear it?"
 */
export function describeRelaxation(voice: Voice, words: CatalogWords, query: ProductQuery, relaxed: Relaxation, found: Pick<ProductPage, 'total' | 'moreThanTotal'>, first: Product): Speech {
  // Past what the store counted, "more than 100 close matches".
  const count = found.total;
  const moreThan = found.moreThanTotal === true;
  switch (relaxed.kind) {
    case 'price':
      return voice.say('discovery.relaxPrice', { budget: budget(voice, query, first.price.currency), price: voice.money(first.price) });
    case 'words':
      return voice.say(moreThan ? 'discovery.relaxWordsMoreThan' : 'discovery.relaxWords', { words: query.words.join(' '), count });
    case 'attribute':
      return voice.say(moreThan ? 'discovery.relaxAttributeMoreThan' : 'discovery.relaxAttribute', { value: words.attribute(relaxed.name, relaxed.value), count });
    case 'brand':
      return voice.say(moreThan ? 'discovery.relaxBrandMoreThan' : 'discovery.relaxBrand', { brand: words.asWritten(query.brand ?? ''), count });
  }
}
