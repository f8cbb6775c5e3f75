import deDE from '../../lambda/languages/de-DE/messages.json';
import enUS from '../../lambda/languages/en-US/messages.json';
import { understand } from '../../lambda/understanding/understanding';

/**
 * What the launch, help and "didn't catch that" prompts suggest the shopper say must work as
 * written. The phrases are read from the prompts themselves, so a reworded prompt is checked too.
 */

const MARKERS = /(?:Try:|You can say,|Or,|Sagen Sie zum Beispiel:|Zum Beispiel:|Oder:)\s*/;
const PROMPTS = ['whatCanIDo', 'whatCanIDoReprompt', 'help', 'notUnderstoodFirst'] as const;

/** The phrases a prompt suggests: what follows each marker, up to the end of its sentence. */
function suggestions(prompt: string): string[] {
  return prompt
    .split(MARKERS)
    .slice(1)
    .map((part) => part.split(/[?.!]/)[0]!.trim())
    .filter((phrase) => phrase.length > 0);
}

describe.each([
  ['en-US', enUS.assistance],
  ['de-DE', deDE.assistance],
] as const)('the phrases the %s prompts suggest', (locale, assistance) => {
  const phrases = [...new Set(PROMPTS.flatMap((key) => suggestions(assistance[key])))];

  it('are there to check', () => {
    expect(phrases.length).toBeGreaterThanOrEqual(2);
  });

  it.each(phrases)('"%s" starts what it suggests', (phrase) => {
    const { intent } = understand({ text: phrase, locale });
    expect(['OrderStatusIntent', 'ReturnItemIntent', 'ReorderIntent', 'FindProductIntent', 'TalkToAgentIntent']).toContain(intent);
  });
});
