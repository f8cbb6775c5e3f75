/** A minimal Alexa interaction model, as `npm run models` writes one. */
export function alexaModel(languageModel: {
  invocationName?: string;
  intents: { name: string; slots?: { name: string; type: string }[]; samples?: string[] }[];
  types?: { name: string; values: { id: string; name: { value: string; synonyms?: string[] } }[] }[];
}) {
  return { interactionModel: { languageModel: { invocationName: 'test store', ...languageModel } } };
}
