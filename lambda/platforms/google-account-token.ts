import { bearerCredential } from '../auth/bearer-credential';

type Headers = Readonly<Record<string, unknown>>;

function objectOrUndefined(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function tokenInBody(body: unknown): string | undefined {
  const token = objectOrUndefined(objectOrUndefined(objectOrUndefined(body)?.user)?.params)?.bearerToken;
  return typeof token === 'string' && token !== '' ? token : undefined;
}

/**
 * The one rule for the shopper's access token on a Google webhook request:
 *
 * 1. `user.params.bearerToken` in the body, where Actions Builder puts the account-linking token;
 * 2. only when the body carries none, the token of an `Authorization: Bearer <token>` header, the
 *    other place Google may send it (and where @assistant/conversation reads it from).
 *
 * Any other Authorization header is ignored, and so is any header when the body has a token, so a
 * stray or garbage header never cancels the token in the body.
 *
 * Returns the request as the conversation library should see it: the chosen token in
 * `user.params.bearerToken` and no Authorization header, which the library would otherwise copy
 * over that token (and then echo back to Google in the response's user storage).
 */
export function withAccountLinkingToken<Body>(body: Body, headers: Headers): { body: Body; headers: Record<string, string> } {
  const others = Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'authorization')) as Record<string, string>;
  const fromHeader = tokenInBody(body) === undefined && typeof headers.authorization === 'string' ? bearerCredential(headers.authorization) : undefined;
  if (fromHeader === undefined) return { body, headers: others };
  const root = objectOrUndefined(body);
  const user = root && (root.user === undefined ? {} : objectOrUndefined(root.user));
  const params = user && (user.params === undefined ? {} : objectOrUndefined(user.params));
  // A body whose `user` or `user.params` is not an object is the body check's to refuse, not this rule's to repair.
  if (!root || !user || !params) return { body, headers: others };
  return { body: { ...root, user: { ...user, params: { ...params, bearerToken: fromHeader } } } as Body, headers: others };
}
