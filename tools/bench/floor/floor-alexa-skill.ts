import { type Skill, SkillBuilders } from 'ask-sdk-core';
import { FLOOR_REPROMPT, FLOOR_SPEECH } from './floor-replies';

/** The least an ask-sdk-core skill can be: one handler answering every request with a fixed line. */
export function createFloorAlexaSkill(): Skill {
  return SkillBuilders.custom()
    .addRequestHandlers({
      canHandle: () => true,
      handle: (input) => input.responseBuilder.speak(FLOOR_SPEECH).reprompt(FLOOR_REPROMPT).withShouldEndSession(false).getResponse(),
    })
    .create();
}
