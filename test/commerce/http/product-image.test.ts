import { ProductSchema } from '../../../lambda/commerce/http/wire-schemas';
import { renderDocumentDirective } from '../../../lambda/platforms/alexa-screen/screen-directive';
import { productOptionsDisplay } from '../../../lambda/flows/discovery/product-tiles';
import { Voice } from '../../../lambda/speech/voice';

const wireProduct = {
  id: 'p-1',
  sku: 'SKU-1',
  name: 'Stormline Rain Jacket',
  spokenName: 'Stormline rain jacket',
  brand: 'Stormline',
  category: 'jackets',
  description: 'A light rain jacket.',
  attributes: {},
  price: { minor: 13900, currency: 'USD' },
  stock: 3,
};

describe("a product's photo from the store's API, on screens", () => {
  it('keeps an https image URL and carries it to the screen as data', () => {
    const product = ProductSchema.parse({ ...wireProduct, imageUrl: 'https://cdn.example.com/jacket.png' });
    expect(product.imageUrl).toBe('https://cdn.example.com/jacket.png');
    const directive = renderDocumentDirective(productOptionsDisplay(new Voice('en-US', 'UTC'), [product]));
    expect((directive.datasources as any).screen.products).toEqual([
      { position: 1, name: 'Stormline Rain Jacket', price: '$139.00', note: '', imageUrl: 'https://cdn.example.com/jacket.png' },
    ]);
  });

  it.each(['http://cdn.example.com/jacket.png', 'javascript:alert(1)', 'not a url', 42])('leaves out %p and keeps the product', (imageUrl) => {
    const product = ProductSchema.parse({ ...wireProduct, imageUrl });
    expect(product.id).toBe('p-1');
    expect(product.imageUrl).toBeUndefined();
  });

  it('shows prices in the shopper\'s locale and says when one is out of stock', () => {
    const product = ProductSchema.parse({ ...wireProduct, stock: 0 });
    const display = productOptionsDisplay(new Voice('de-DE', 'Europe/Berlin'), [{ ...product, price: { minor: 13900, currency: 'EUR' } }]);
    expect(display.products[0]).toMatchObject({ price: '139,00\u00a0€' });
    expect(display.products[0]?.note).toBeTruthy();
  });
});
