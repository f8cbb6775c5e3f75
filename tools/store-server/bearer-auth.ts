import type { RequestHandler } from 'express';
import { sameSecret } from '../../lambda/auth/bearer-credential';
import { sendProblem } from './problems';

/** Every request must carry `Authorization: Bearer <key>`; compared in constant time. */
export function requireBearer(apiKey: string): RequestHandler {
  return (request, response, next) => {
    const match = /^Bearer +(\S+) *$/i.exec(request.get('authorization') ?? '');
    if (match?.[1] && sameSecret(match[1], apiKey)) return next();
    response.set('WWW-Authenticate', 'Bearer');
    return sendProblem(response, 401, 'unauthorized');
  };
}
