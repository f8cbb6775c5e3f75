import { cutAtWord, MAX_CONTACT_CHARS, MAX_LABEL_CHARS } from '../http/wire-limits';
import type { Shopper, Shoppers } from '../ports';
import type { MedusaApis } from './medusa-api';
import { CustomerSchema, type MedusaCustomer } from './medusa-wire';

const label = (text: string | null | undefined) => cutAtWord(text ?? '', MAX_LABEL_CHARS);

function addressOf(customer: MedusaCustomer): Shopper['defaultAddress'] {
  const addresses = customer.addresses ?? [];
  const address = addresses.find((candidate) => candidate.is_default_shipping) ?? addresses[0];
  if (!address?.address_1 || !address.city) return undefined;
  return {
    line1: address.address_1.slice(0, MAX_CONTACT_CHARS),
    city: label(address.city),
    region: label(address.province),
    postalCode: label(address.postal_code),
    country: label(address.country_code?.toUpperCase()),
  };
}

/**
 * The shopper is the customer the linked token belongs to (`GET /store/customers/me`): a shopper
 * id that is not theirs finds no one. Medusa keeps no language on a customer; the `locale` in the
 * customer's metadata is read where the store keeps one, else the catalog's. No saved card is
 * read: a voice order on Medusa is paid at the storefront's checkout (medusa-checkout.ts).
 */
export function medusaShoppers(apis: MedusaApis, catalogLocale: string): Shoppers {
  return {
    async findById(shopperId) {
      const { customer } = await apis.asCustomer({
        operation: 'retrieveCustomer',
        path: '/store/customers/me',
        query: { fields: 'id,email,first_name,last_name,phone,metadata,*addresses' },
        answer: CustomerSchema,
      });
      if (customer.id !== shopperId) return undefined;
      const address = addressOf(customer);
      const locale = customer.metadata?.locale;
      return {
        id: shopperId,
        givenName: label(customer.first_name),
        familyName: label(customer.last_name),
        email: (customer.email ?? '').slice(0, MAX_CONTACT_CHARS),
        ...(customer.phone ? { phone: customer.phone.slice(0, MAX_CONTACT_CHARS) } : {}),
        locale: typeof locale === 'string' && /^[a-z]{2,3}(-[A-Za-z]{2})?$/i.test(locale) ? locale : catalogLocale,
        ...(address ? { defaultAddress: address } : {}),
      };
    },
  };
}
