import type { RequestHandler } from 'express';

/** An Origin header as the URL standard serialises it, or undefined when it is no http(s) origin ("null", garbage). */
function originOf(header: string): string | undefined {
  try {
    const url = new URL(header);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The Streamable HTTP transport's guard against DNS rebinding: a page on a site whose name was made
 * to resolve to this server calls it from its own origin, which a browser always names in `Origin`
 * on a POST. Any Origin not listed is refused with 403 before the body is read. Hosts that call from
 * a server (Alexa+, the SDK's client on Node, MCP Inspector's proxy) send no Origin and pass.
 */
export function refuseUnlistedOrigins(allowedOrigins: readonly string[]): RequestHandler {
  const allowed = new Set(allowedOrigins.map(originOf).filter((origin) => origin !== undefined));
  return (request, response, next) => {
    const header = request.get('origin');
    if (header === undefined) return next();
    const origin = originOf(header);
    if (origin !== undefined && allowed.has(origin)) return next();
    response.status(403).json({ jsonrpc: '2.0', error: { code: -32000, message: 'Forbidden: requests from this Origin are not allowed.' }, id: null });
  };
}
