import type { HandlerRequest } from '@assistant/conversation/dist/api/schema';
import type { RequestEnvelope } from 'ask-sdk-model';
import type { Router } from '../../lambda/core/router';
import type { SessionStateSeal } from '../../lambda/core/sealed-state';
import { createAlexaSkill } from '../../lambda/platforms/alexa';
import { createGoogleApp } from '../../lambda/platforms/google';

export interface PlatformResponse {
  readonly status: number;
  readonly body: unknown;
}

/** The two real adapters, called in process with request JSON as the platforms send it. */
export interface Platforms {
  alexa(envelope: RequestEnvelope): Promise<PlatformResponse>;
  google(request: HandlerRequest): Promise<PlatformResponse>;
}

export interface InProcessPlatformOptions {
  readonly router: Router;
  /** The application's seal: the state these requests carry is checked exactly as on the real endpoints. */
  readonly stateSeal: SessionStateSeal;
  /** Checked by the skill as on `POST /alexa`; requests carry it. */
  readonly skillId?: string;
  readonly onError?: (error: unknown) => void;
}

/** What went over the wire: only JSON, so nothing the platforms could not send slips through. */
function asJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * The ask-sdk-core skill and the @assistant/conversation app that serve `POST /alexa` and
 * `POST /google`, over the same router. Only the platforms' request signatures are not checked:
 * nobody but Amazon and Google can sign a request.
 */
export function inProcessPlatforms(options: InProcessPlatformOptions): Platforms {
  const { router, stateSeal, onError } = options;
  const skill = createAlexaSkill({ router, stateSeal, skillId: options.skillId, onError });
  const googleApp = createGoogleApp({ router, stateSeal, onError });
  return {
    async alexa(envelope) {
      try {
        return { status: 200, body: asJson(await skill.invoke(asJson(envelope))) };
      } catch (error) {
        options.onError?.(error);
        return { status: 400, body: { error: 'request rejected' } };
      }
    },
    async google(request) {
      const result = await googleApp.handler(asJson(request) as Parameters<typeof googleApp.handler>[0], {});
      return { status: result.status, body: asJson(result.body) };
    },
  };
}
