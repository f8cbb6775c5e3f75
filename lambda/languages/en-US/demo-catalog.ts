import type { DemoCatalogWords } from '../pack';

/** The words shoppers use for the demo catalog's categories and attribute values. A store supplies its own. */
const TERMS: DemoCatalogWords['terms'] = {
  categories: {
    shoes: ['shoes', 'shoe', 'sneakers', 'trainers', 'boots', 'footwear', 'sandals', 'slippers', 'loafers', 'slides'],
    jackets: ['jacket', 'jackets', 'coat', 'coats', 'parka', 'shell', 'raincoat', 'rain jacket', 'windbreaker', 'anorak', 'vest', 'poncho', 'fleece'],
    apparel: ['clothes', 'clothing', 'apparel', 'shirt', 't shirt', 'tee', 'pants', 'trousers', 'jeans', 'sweater', 'hoodie', 'socks', 'leggings', 'shorts', 'hat', 'beanie', 'gloves'],
    coffee: ['coffee', 'coffee beans', 'beans', 'espresso', 'ground coffee'],
    tea: ['tea', 'teas', 'tea bags'],
    'pet-supplies': ['pet supplies', 'pet food', 'dog food', 'cat food', 'kibble', 'dog toy', 'cat toy', 'leash', 'dog bed', 'litter'],
    audio: ['headphones', 'earbuds', 'earphones', 'speaker', 'speakers', 'soundbar', 'headset', 'audio'],
    bags: ['bag', 'bags', 'backpack', 'daypack', 'duffel', 'tote', 'luggage', 'suitcase', 'wallet', 'purse'],
    kitchen: ['kitchen', 'cookware', 'pan', 'pot', 'skillet', 'knife', 'knives', 'kettle', 'mug', 'grinder', 'cutting board'],
    home: ['home', 'blanket', 'throw', 'candle', 'pillow', 'lamp', 'rug', 'towel', 'towels', 'bedding', 'sheets', 'planter'],
    toys: ['toy', 'toys', 'game', 'games', 'board game', 'puzzle', 'lego', 'blocks', 'plush'],
    beauty: ['beauty', 'skincare', 'skin care', 'moisturizer', 'lotion', 'serum', 'shampoo', 'soap', 'lip balm', 'sunscreen', 'makeup'],
    'gift-cards': ['gift card', 'gift cards', 'voucher', 'gift certificate'],
  },
  attributeValues: {
    'feature:waterproof': ['rainproof', 'water proof'],
    'feature:wireless': ['bluetooth', 'cordless'],
    'use:hiking': ['hike', 'hikes', 'trekking', 'trail'],
    'use:running': ['run', 'runs', 'jogging'],
    'use:travel': ['traveling', 'travelling', 'trips', 'trip'],
    'gender:women': ['woman', 'womens', 'ladies'],
    'gender:men': ['man', 'mens'],
  },
};

/** The catalog is in English: its names are said as they are. */
export const DEMO_CATALOG: DemoCatalogWords = { terms: TERMS, spokenNames: {} };
