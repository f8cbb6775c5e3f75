import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { sendProblem } from './problems';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Every request must carry `Authorization: Bearer <key>`; compared in constant time. */
export function requireBearer(apiKey: string): RequestHandler {
  const expected = digest(apiKey);
  return (request, response, next) => {
    const match = /^Bearer +(\S+) *$/i.exec(request.get('authorization') ?? '');
    if (match?.[1] && timingSafeEqual(digest(match[1]), expected)) return next();
    response.set('WWW-Authenticate', 'Bearer');
    return sendProblem(response, 401, 'unauthorized');
  };
}
