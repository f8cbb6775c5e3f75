import type { Response } from 'express';
import { supportedLocale, translator, type MessageKey } from '../../speech/i18n';
import { escapeXml } from '../../speech/ssml';

/** What the page says besides its form: nothing, or why it is shown (again). */
export type SignInNotice = 'linkSignInFailed' | 'linkStoreUnavailable' | 'linkTooManyTries';
export type LinkRefusal = 'linkRequestExpired' | 'linkRequestInvalid';

/**
 * The page allows nothing but itself: no script, no frame around it, no form posting elsewhere;
 * never cached, and the form's referrer (with Alexa's state in it) never leaves.
 */
function sendPage(response: Response, status: number, locale: string, title: string, body: string): void {
  response
    .status(status)
    .set({
      'content-security-policy': "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    })
    .type('html')
    .send(
      `<!doctype html>\n<html lang="${escapeXml(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>${escapeXml(title)}</title></head><body><main><h1>${escapeXml(title)}</h1>${body}</main></body></html>`,
    );
}

/** The locale of the shopper's browser: its first language Shopvoice speaks, English otherwise. */
export function pageLocale(acceptLanguage: string | undefined): string {
  const first = (acceptLanguage ?? '').split(',')[0]?.split(';')[0]?.trim() ?? '';
  return supportedLocale(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(first) ? first : 'en-US');
}

export interface SignInForm {
  readonly locale: string;
  readonly storeName: string;
  /** The signed link request (link-request-token.ts) the POST must bring back. */
  readonly requestToken: string;
  readonly notice?: SignInNotice;
  /** The email typed before, so a shopper who mistyped the password need not type it again. */
  readonly email?: string;
}

export function sendSignInForm(response: Response, status: number, form: SignInForm): void {
  const locale = supportedLocale(form.locale);
  const t = translator(locale);
  const say = (key: MessageKey) => escapeXml(t(key, { store: form.storeName }));
  const notice = form.notice ? `<p role="alert">${say(`auth.${form.notice}`)}</p>` : '';
  sendPage(
    response,
    status,
    locale,
    t('auth.linkPageTitle', { store: form.storeName }),
    `<p>${say('auth.linkPageIntro')}</p>${notice}` +
      `<form method="post" action="authorize">` +
      `<input type="hidden" name="request" value="${escapeXml(form.requestToken)}">` +
      `<p><label>${say('auth.linkEmail')}<br><input type="email" name="email" autocomplete="username" required maxlength="254" value="${escapeXml(form.email ?? '')}"></label></p>` +
      `<p><label>${say('auth.linkPassword')}<br><input type="password" name="password" autocomplete="current-password" required maxlength="1024"></label></p>` +
      `<p><button type="submit">${say('auth.linkSubmit')}</button></p></form>`,
  );
}

/** A request that cannot go on (unknown client or redirect URL, forged or old form): said plainly, never redirected. */
export function sendLinkRefusal(response: Response, status: number, locale: string, storeName: string, refusal: LinkRefusal): void {
  const supported = supportedLocale(locale);
  const t = translator(supported);
  sendPage(response, status, supported, t('auth.linkPageTitle', { store: storeName }), `<p role="alert">${escapeXml(t(`auth.${refusal}`, { store: storeName }))}</p>`);
}
