import type { Skill } from 'ask-sdk-core';
import { SkillRequestSignatureVerifier, TimestampVerifier } from 'ask-sdk-express-adapter';
import express, { type RequestHandler } from 'express';
import { describeError, type Logger } from '../logging';
import { checkAlexaEnvelope } from './alexa-envelope-schema';

export interface AlexaEndpointOptions {
  readonly skill: Skill;
  /** Request signature and timestamp verification (required for a certified skill). */
  readonly verifyRequests: boolean;
  readonly bodyLimit: string;
  readonly logger: Logger;
}

/**
 * `POST /alexa`: the body is kept as text because the signature covers its exact bytes; it is
 * verified with ask-sdk-express-adapter's verifiers, then handed to the skill.
 */
export function createAlexaEndpoint(options: AlexaEndpointOptions): RequestHandler[] {
  const verifiers = options.verifyRequests ? [new SkillRequestSignatureVerifier(), new TimestampVerifier()] : [];
  return [
    express.text({ type: () => true, limit: options.bodyLimit }),
    async (request, response) => {
      const body = typeof request.body === 'string' ? request.body : '';
      try {
        await Promise.all(verifiers.map((verifier) => verifier.verify(body, request.headers)));
      } catch {
        response.status(400).json({ error: 'request signature or timestamp could not be verified' });
        return;
      }
      let envelope: unknown;
      try {
        envelope = JSON.parse(body);
      } catch {
        response.status(400).json({ error: 'body is not valid JSON' });
        return;
      }
      const checked = checkAlexaEnvelope(envelope);
      if (!checked.ok) {
        response.status(400).json({ error: `not an Alexa request envelope: ${checked.reason}` });
        return;
      }
      try {
        response.json(await options.skill.invoke(checked.envelope));
      } catch (error) {
        // The skill answers every handled request itself; what reaches here is a rejected request
        // (another skill's id) or an envelope ask-sdk-core cannot read.
        options.logger.warn({ error: describeError(error) }, 'alexa request rejected');
        response.status(400).json({ error: 'request rejected' });
      }
    },
  ];
}
