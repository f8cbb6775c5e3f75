/**
 * The APL documents Shopvoice shows on Echo Show and other screen devices. They hold layout only:
 * every word, price and image URL arrives in the directive's datasources (`screen`), which APL
 * binds as data and never evaluates, so nothing a store or shopper wrote can act as markup.
 *
 * Each touchable item sends `SendEvent` with ["shopvoice.choose", <kind>, <what>]; see screen-touch.ts.
 */

/** The APL version the documents are written for; devices whose runtime is older get no document. */
export const APL_DOCUMENT_VERSION = '2023.3';

/** What every touch sends first, so an event from anything else is recognised as not ours. */
export const CHOOSE_EVENT = 'shopvoice.choose';

const COLORS = { background: '#14202b', tile: '#22313f', accent: '#f0a830', text: '#ffffff', muted: '#b8c4cf' } as const;

function heading(): Record<string, unknown> {
  return {
    type: 'Container',
    items: [
      { type: 'Text', text: '${screen.title}', fontSize: '36dp', fontWeight: '700', color: COLORS.text, maxLines: 1 },
      { type: 'Text', text: '${screen.hint}', fontSize: '20dp', color: COLORS.muted, paddingTop: '4dp', maxLines: 1 },
    ],
  };
}

function page(body: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'Container',
    width: '100vw',
    height: '100vh',
    paddingLeft: '5vw',
    paddingRight: '5vw',
    paddingTop: '5vh',
    paddingBottom: '4vh',
    items: [heading(), body],
  };
}

/** A rounded panel around `content` (in APL only a Frame has a background and corners). */
function tile(content: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'Frame',
    width: '100%',
    backgroundColor: COLORS.tile,
    borderRadius: '12dp',
    item: { ...content, paddingTop: '12dp', paddingBottom: '12dp', paddingLeft: '16dp', paddingRight: '16dp' },
  };
}

function sendChoice(kind: 'product' | 'order', what: string): Record<string, unknown>[] {
  return [{ type: 'SendEvent', arguments: [CHOOSE_EVENT, kind, what] }];
}

/** A photo where the store has one; otherwise the tile's place in the list, which is what the shopper says. */
const productPicture = [
  {
    type: 'Image',
    when: "${data.imageUrl != ''}",
    source: '${data.imageUrl}',
    width: '100%',
    height: '45vh',
    scale: 'best-fit',
    align: 'center',
  },
  {
    type: 'Frame',
    when: "${data.imageUrl == ''}",
    width: '100%',
    height: '45vh',
    backgroundColor: COLORS.background,
    borderRadius: '12dp',
    item: {
      type: 'Text',
      text: '${data.position}',
      width: '100%',
      height: '100%',
      fontSize: '96dp',
      fontWeight: '700',
      color: COLORS.accent,
      textAlign: 'center',
      textAlignVertical: 'center',
    },
  },
];

/** Up to three products side by side: picture, name and price; touching one chooses it. */
export const PRODUCT_OPTIONS_DOCUMENT = {
  type: 'APL',
  version: APL_DOCUMENT_VERSION,
  description: 'Shopvoice: the products a search just offered',
  theme: 'dark',
  background: COLORS.background,
  mainTemplate: {
    parameters: ['screen'],
    items: [
      page({
        type: 'Sequence',
        scrollDirection: 'horizontal',
        grow: 1,
        paddingTop: '3vh',
        data: '${screen.products}',
        items: [
          {
            type: 'TouchWrapper',
            width: '29vw',
            spacing: '2vw',
            onPress: sendChoice('product', '${data.position}'),
            item: tile({
              type: 'Container',
              width: '100%',
              items: [
                ...productPicture,
                { type: 'Text', text: '${data.name}', fontSize: '22dp', color: COLORS.text, maxLines: 2, paddingTop: '8dp' },
                { type: 'Text', text: '${data.price}', fontSize: '26dp', fontWeight: '700', color: COLORS.accent, paddingTop: '4dp' },
                { type: 'Text', when: "${data.note != ''}", text: '${data.note}', fontSize: '18dp', color: COLORS.muted },
              ],
            }),
          },
        ],
      }),
    ],
  },
} as const;

/** A compact list of orders: which order, what is in it, and its state; touching one asks about it. */
export const ORDERS_DOCUMENT = {
  type: 'APL',
  version: APL_DOCUMENT_VERSION,
  description: 'Shopvoice: the orders an answer is about, each with its state',
  theme: 'dark',
  background: COLORS.background,
  mainTemplate: {
    parameters: ['screen'],
    items: [
      page({
        type: 'Sequence',
        scrollDirection: 'vertical',
        grow: 1,
        paddingTop: '3vh',
        data: '${screen.orders}',
        items: [
          {
            type: 'TouchWrapper',
            // The page's width less its side margins: APL wants an absolute width inside a Sequence.
            width: '90vw',
            spacing: '12dp',
            onPress: sendChoice('order', '${data.orderNumber}'),
            item: tile({
              type: 'Container',
              direction: 'row',
              width: '100%',
              alignItems: 'center',
              items: [
                {
                  type: 'Container',
                  grow: 1,
                  shrink: 1,
                  items: [
                    { type: 'Text', text: '${data.label}', fontSize: '22dp', fontWeight: '700', color: COLORS.text, maxLines: 1 },
                    { type: 'Text', text: '${data.items}', fontSize: '20dp', color: COLORS.muted, maxLines: 1 },
                  ],
                },
                { type: 'Text', text: '${data.state}', fontSize: '22dp', color: COLORS.accent, textAlign: 'right', maxLines: 2, width: '35%' },
              ],
            }),
          },
        ],
      }),
    ],
  },
} as const;
