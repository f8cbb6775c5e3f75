import { parse, validate } from 'graphql';
import { SHOPIFY_DOCUMENTS } from '../../lambda/commerce/shopify/shopify-documents';
import { shopifySchema } from '../support/shopify-schemas';

describe("the Shopify adapter's GraphQL documents", () => {
  it.each(SHOPIFY_DOCUMENTS.map((document) => [document.name, document] as const))('%s validates against the schema Shopify ships', (_name, document) => {
    const errors = validate(shopifySchema(document.api), parse(document.text));
    expect(errors.map((error) => error.message)).toEqual([]);
  });

  it('names each operation as the document does, once', () => {
    for (const document of SHOPIFY_DOCUMENTS) expect(document.text).toMatch(new RegExp(`^(query|mutation) ${document.name}\\b`));
    expect(new Set(SHOPIFY_DOCUMENTS.map((document) => document.name)).size).toBe(SHOPIFY_DOCUMENTS.length);
  });

  it('catches a document that asks for a field the schema lacks', () => {
    const broken = SHOPIFY_DOCUMENTS[0]!.text.replace('id', 'idd');
    expect(validate(shopifySchema('customer-account'), parse(broken)).length).toBeGreaterThan(0);
  });
});
