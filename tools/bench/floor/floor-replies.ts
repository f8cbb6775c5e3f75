/** What every floor answers, whatever it is asked: the least a skill can say. */
export const FLOOR_SPEECH = 'Welcome to the store. What can I do for you?';
export const FLOOR_REPROMPT = 'What can I do for you?';

/** The fixed JSON the bare express floor returns: an Alexa response of the same kind. */
export const FLOOR_RESPONSE_BODY = {
  version: '1.0',
  response: {
    outputSpeech: { type: 'SSML', ssml: `<speak>${FLOOR_SPEECH}</speak>` },
    reprompt: { outputSpeech: { type: 'SSML', ssml: `<speak>${FLOOR_REPROMPT}</speak>` } },
    shouldEndSession: false,
  },
};
