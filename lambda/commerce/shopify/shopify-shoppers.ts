import type { Shopper, Shoppers } from '../ports';
import { cutAtWord, MAX_CONTACT_CHARS, MAX_LABEL_CHARS } from '../http/wire-limits';
import type { ShopifyApis } from './shopify-apis';
import { CUSTOMER_PROFILE } from './shopify-documents';
import { ownId } from './shopify-mapping';
import { CustomerProfileSchema, type CustomerProfile } from './shopify-wire';

const label = (text: string | null | undefined) => cutAtWord(text ?? '', MAX_LABEL_CHARS);

function addressOf(customer: CustomerProfile): Shopper['defaultAddress'] {
  const address = customer.defaultAddress;
  if (!address?.address1 || !address.city) return undefined;
  return {
    line1: address.address1.slice(0, MAX_CONTACT_CHARS),
    city: label(address.city),
    region: label(address.zoneCode ?? address.province),
    postalCode: label(address.zip),
    country: label(address.territoryCode),
  };
}

/**
 * The shopper is the customer the linked token belongs to: the Customer Account API answers for
 * that customer only, so a shopper id that is not theirs finds no one. Shopify keeps no language
 * on the customer; the one of their latest order is taken, else the catalog's. No saved card is
 * read: on Shopify the shopper pays at Shopify's checkout (shopify-checkout.ts).
 */
export function shopifyShoppers(apis: ShopifyApis, catalogLocale: string): Shoppers {
  return {
    async findById(shopperId) {
      const { customer } = await apis.customer(CUSTOMER_PROFILE, {}, CustomerProfileSchema);
      if (ownId(CUSTOMER_PROFILE.name, customer.id, 'Customer') !== shopperId) return undefined;
      const address = addressOf(customer);
      const phone = customer.phoneNumber?.phoneNumber;
      const locale = customer.orders.nodes[0]?.customerLocale;
      return {
        id: shopperId,
        givenName: label(customer.firstName),
        familyName: label(customer.lastName),
        email: (customer.emailAddress?.emailAddress ?? '').slice(0, MAX_CONTACT_CHARS),
        ...(phone ? { phone: phone.slice(0, MAX_CONTACT_CHARS) } : {}),
        locale: locale && /^[a-z]{2,3}(-[A-Za-z]{2})?$/i.test(locale) ? locale : catalogLocale,
        ...(address ? { defaultAddress: address } : {}),
      };
    },
  };
}
