import type { interfaces, RequestEnvelope } from 'ask-sdk-model';
import type { Display } from '../../core/display';
import { APL_DOCUMENT_VERSION, ORDERS_DOCUMENT, PRODUCT_OPTIONS_DOCUMENT } from './apl-documents';

type RenderDocument = interfaces.alexa.presentation.apl.RenderDocumentDirective;

const APL_INTERFACE = 'Alexa.Presentation.APL';

/** "2023.3" → [2023, 3]; "1.9" → [1, 9]. */
function versionParts(version: string): [number, number] | undefined {
  const match = /^(\d+)\.(\d+)$/.exec(version);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

/**
 * Whether the device can show Shopvoice's APL documents: it lists Alexa.Presentation.APL, and its
 * runtime is not older than the documents (a device that gives no version is taken at its word).
 */
export function showsApl(envelope: RequestEnvelope): boolean {
  const apl = (envelope.context?.System?.device?.supportedInterfaces as Record<string, { runtime?: { maxVersion?: unknown } } | undefined> | undefined)?.[APL_INTERFACE];
  if (!apl) return false;
  const declared = apl.runtime?.maxVersion;
  if (typeof declared !== 'string') return true;
  const device = versionParts(declared);
  const needed = versionParts(APL_DOCUMENT_VERSION);
  if (!device || !needed) return false;
  return device[0] > needed[0] || (device[0] === needed[0] && device[1] >= needed[1]);
}

/** The screen's data: every text as data, so APL shows it and never evaluates it. */
function datasources(display: Display): Record<string, unknown> {
  if (display.kind === 'product-options') {
    return {
      screen: {
        title: display.title,
        hint: display.hint,
        products: display.products.map((product, index) => ({
          position: index + 1,
          name: product.name,
          price: product.price,
          note: product.note ?? '',
          imageUrl: product.imageUrl ?? '',
        })),
      },
    };
  }
  return { screen: { title: display.title, hint: display.hint, orders: display.orders.map((order) => ({ ...order })) } };
}

/** The RenderDocument directive that shows `display`. */
export function renderDocumentDirective(display: Display): RenderDocument {
  const products = display.kind === 'product-options';
  return {
    type: 'Alexa.Presentation.APL.RenderDocument',
    token: products ? 'shopvoice-product-options' : 'shopvoice-orders',
    document: structuredClone(products ? PRODUCT_OPTIONS_DOCUMENT : ORDERS_DOCUMENT) as unknown as Record<string, unknown>,
    datasources: datasources(display),
  };
}
