import type { DemoCatalogWords } from '../pack';

/**
 * The words British shoppers use for the demo catalog's categories and attribute values: trainers,
 * jumpers, wellies, a cafetière, a lead for the dog. A store supplies its own.
 */
const TERMS: DemoCatalogWords['terms'] = {
  categories: {
    shoes: ['shoes', 'shoe', 'trainers', 'trainer', 'sneakers', 'boots', 'walking boots', 'wellies', 'wellington boots', 'footwear', 'sandals', 'slippers', 'loafers', 'sliders', 'plimsolls'],
    jackets: ['jacket', 'jackets', 'coat', 'coats', 'parka', 'shell', 'raincoat', 'rain jacket', 'cagoule', 'anorak', 'gilet', 'body warmer', 'poncho', 'fleece', 'puffer', 'puffer jacket', 'windcheater'],
    apparel: ['clothes', 'clothing', 'shirt', 't shirt', 'tee', 'top', 'trousers', 'jeans', 'chinos', 'joggers', 'jumper', 'sweater', 'pullover', 'hoodie', 'socks', 'leggings', 'shorts', 'pyjamas', 'hat', 'beanie', 'bobble hat', 'gloves'],
    coffee: ['coffee', 'coffee beans', 'beans', 'espresso', 'ground coffee'],
    tea: ['tea', 'teas', 'tea bags', 'teabags', 'loose leaf tea', 'cuppa'],
    'pet-supplies': ['pet supplies', 'pet food', 'dog food', 'cat food', 'kibble', 'dog toy', 'cat toy', 'lead', 'dog lead', 'leash', 'dog bed', 'cat litter', 'litter', 'dog harness'],
    audio: ['headphones', 'earbuds', 'earphones', 'speaker', 'speakers', 'soundbar', 'headset', 'audio'],
    bags: ['bag', 'bags', 'backpack', 'rucksack', 'daypack', 'holdall', 'duffel', 'tote', 'luggage', 'suitcase', 'wallet', 'purse', 'handbag', 'bum bag'],
    kitchen: ['kitchen', 'cookware', 'pan', 'frying pan', 'saucepan', 'saucepans', 'pot', 'skillet', 'casserole dish', 'knife', 'knives', 'kettle', 'mug', 'grinder', 'chopping board', 'cafetiere', 'kitchen scales', 'hob'],
    home: ['home', 'homeware', 'blanket', 'throw', 'candle', 'pillow', 'cushion', 'lamp', 'rug', 'towel', 'towels', 'bedding', 'bed linen', 'sheets', 'duvet', 'duvet cover', 'planter'],
    toys: ['toy', 'toys', 'game', 'games', 'board game', 'jigsaw', 'puzzle', 'lego', 'blocks', 'building blocks', 'soft toy', 'cuddly toy', 'teddy'],
    beauty: ['beauty', 'skincare', 'skin care', 'moisturiser', 'moisturizer', 'lotion', 'serum', 'shampoo', 'soap', 'lip balm', 'sun cream', 'suncream', 'sunscreen', 'make up', 'makeup', 'toiletries'],
    'gift-cards': ['gift card', 'gift cards', 'gift voucher', 'voucher', 'gift token'],
  },
  attributeValues: {
    'feature:waterproof': ['rainproof', 'water proof'],
    'feature:wireless': ['bluetooth', 'cordless'],
    'use:hiking': ['hike', 'hikes', 'hillwalking', 'hill walking', 'fell walking', 'rambling', 'trekking', 'trail'],
    'use:running': ['run', 'runs', 'jogging', 'jog'],
    'use:travel': ['travelling', 'traveling', 'trips', 'trip', 'going away'],
    'color:navy': ['navy blue'],
    'gender:women': ['woman', 'womens', 'ladies'],
    'gender:men': ['man', 'mens', 'gents'],
  },
};

/** The catalog is in English: its names are said as they are. */
export const DEMO_CATALOG: DemoCatalogWords = { terms: TERMS, spokenNames: {} };
