import type { RequestEnvelope } from 'ask-sdk-model';
import { createFloorAlexaSkill } from './floor-alexa-skill';

const skill = createFloorAlexaSkill();

/** The floor's Lambda entry point, shaped like lambda/alexa-lambda.ts. */
export const handler = (event: RequestEnvelope, context: unknown) => skill.invoke(event, context);
