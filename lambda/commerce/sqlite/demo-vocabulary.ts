import type { CatalogTerms } from '../product-query';

/**
 * The words shoppers use for the demo catalog's categories and attribute values, per locale.
 * Catalog data like the products themselves: a store supplies its own.
 */

const EN_US: CatalogTerms = {
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

const DE_DE: CatalogTerms = {
  categories: {
    shoes: ['schuhe', 'schuh', 'turnschuhe', 'sneaker', 'stiefel', 'laufschuhe', 'wanderschuhe', 'sandalen', 'hausschuhe'],
    jackets: ['jacke', 'jacken', 'mantel', 'parka', 'regenjacke', 'windjacke', 'weste', 'poncho', 'fleecejacke', 'daunenjacke'],
    apparel: ['kleidung', 'shirt', 't-shirt', 'hemd', 'hose', 'jeans', 'pullover', 'hoodie', 'socken', 'mütze', 'handschuhe'],
    coffee: ['kaffee', 'kaffeebohnen', 'bohnen', 'espresso'],
    tea: ['tee', 'teebeutel'],
    'pet-supplies': ['tierbedarf', 'hundefutter', 'katzenfutter', 'tierfutter', 'leine', 'hundebett', 'katzenstreu'],
    audio: ['kopfhörer', 'ohrhörer', 'lautsprecher', 'box', 'soundbar', 'headset'],
    bags: ['tasche', 'taschen', 'rucksack', 'reisetasche', 'koffer', 'geldbörse'],
    kitchen: ['küche', 'kochgeschirr', 'pfanne', 'topf', 'messer', 'wasserkocher', 'tasse', 'mühle', 'schneidebrett'],
    home: ['wohnen', 'decke', 'kerze', 'kissen', 'lampe', 'teppich', 'handtuch', 'handtücher', 'bettwäsche'],
    toys: ['spielzeug', 'spiel', 'spiele', 'brettspiel', 'puzzle', 'bausteine', 'kuscheltier'],
    beauty: ['pflege', 'hautpflege', 'creme', 'lotion', 'serum', 'shampoo', 'seife', 'lippenbalsam', 'sonnencreme'],
    'gift-cards': ['gutschein', 'geschenkkarte', 'geschenkgutschein'],
  },
  attributeValues: {
    'feature:waterproof': ['wasserdicht', 'wasserfest'],
    'feature:wireless': ['kabellos', 'bluetooth'],
    'feature:vegan': ['vegan'],
    'feature:organic': ['bio'],
    'feature:insulated': ['gefüttert', 'isoliert'],
    'feature:lightweight': ['leicht'],
    'feature:packable': ['verstaubar'],
    'use:hiking': ['wandern', 'wanderung', 'wanderungen', 'trekking'],
    'use:running': ['laufen', 'joggen', 'rennen'],
    'use:travel': ['reisen', 'reise', 'urlaub'],
    'use:camping': ['camping', 'zelten'],
    'use:everyday': ['alltag', 'jeden tag'],
    'material:wool': ['wolle'],
    'material:merino wool': ['merinowolle', 'merino'],
    'material:leather': ['leder'],
    'material:organic cotton': ['biobaumwolle'],
    'color:black': ['schwarz'],
    'color:white': ['weiß', 'weiss'],
    'color:blue': ['blau'],
    'color:red': ['rot'],
    'color:green': ['grün'],
    'color:grey': ['grau'],
    'color:brown': ['braun'],
    'color:navy': ['marineblau', 'dunkelblau'],
    'color:yellow': ['gelb'],
    'color:pink': ['rosa', 'pink'],
    'color:orange': ['orange'],
    'gender:women': ['damen', 'frauen'],
    'gender:men': ['herren', 'männer'],
  },
};

export const DEMO_CATALOG_TERMS: Readonly<Record<string, CatalogTerms>> = { 'en-US': EN_US, 'de-DE': DE_DE };
