import { DEMO_SPOKEN_NAMES } from './demo-names';
import type { DemoCatalogWords } from '../pack';

/** The words shoppers use for the demo catalog's categories and attribute values. A store supplies its own. */
const TERMS: DemoCatalogWords['terms'] = {
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

export const DEMO_CATALOG: DemoCatalogWords = { terms: TERMS, spokenNames: DEMO_SPOKEN_NAMES };
