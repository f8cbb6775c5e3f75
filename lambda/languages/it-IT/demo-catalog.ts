import type { DemoCatalogWords } from '../pack';
import { DEMO_SPOKEN_NAMES } from './demo-names';

/**
 * The words shoppers in Italy use for the demo catalog's categories and attribute values. A store
 * supplies its own.
 */
const TERMS: DemoCatalogWords['terms'] = {
  categories: {
    shoes: [
      'scarpe', 'scarpe da avvicinamento', 'scarpe da tennis', 'scarpe da barca', 'scarpe da camminata', 'scarpe da acqua',
      'scarponi da trekking', 'stivali invernali', 'stivaletti chelsea', 'scarpa', 'scarpette', 'sneakers', 'sneaker', 'stivali',
      'stivaletti', 'scarponi', 'scarponcini', 'scarpe da corsa', 'scarpe da ginnastica', 'scarpe da trekking', 'sandali', 'ciabatte',
      'pantofole', 'mocassini', 'calzature',
    ],
    jackets: [
      'giacca', 'giacca di jeans', 'giubbotto di jeans', 'giacca da corsa', 'giacca da sci', 'gilet imbottito', 'piumino ripiegabile',
      'giacca cerata', 'giubbotto di pelle', 'mantella antipioggia', 'giacche', 'giubbotto', 'giubbino', 'cappotto', 'parka', 'piumino',
      'piumini', 'giacca a vento', 'giacca antipioggia', 'antipioggia', 'kway', 'gilet', 'smanicato', 'poncho', 'pile', 'softshell',
      'guscio',
    ],
    apparel: [
      'abbigliamento', 'calze da trekking', 'pantaloni da trekking', 'maglietta girocollo', 'felpa con cappuccio', 'reggiseno sportivo',
      'pigiama', 'camicia di lino', 'canottiera', 'pantaloncini da corsa', 'intimo termico', 'vestiti', 'maglietta', 'magliette',
      't-shirt', 'maglia', 'maglione', 'felpa', 'camicia', 'pantaloni', 'jeans', 'leggings', 'pantaloncini', 'calze', 'calzini',
      'cappello', 'berretto', 'guanti', 'sciarpa',
    ],
    coffee: [
      'caffè', 'caffè colombiano', 'caffè etiope', 'caffè decaffeinato', 'decaffeinato', 'caffè solubile', 'capsule', 'cialde',
      'caffè in grani', 'chicchi di caffè', 'caffè macinato', 'espresso', 'miscela',
    ],
    tea: [
      'tè', 'tè verde', 'tè nero', 'tè freddo', 'matcha', 'sencha', 'oolong', 'chai', 'camomilla', 'rooibos', 'tisana', 'tisane',
      'infuso', 'bustine di tè', 'tè in foglie', 'teiera',
    ],
    'pet-supplies': [
      'prodotti per animali', 'crocchette per cani', 'crocchette per gatti', 'cibo per animali', 'pettorina', 'snack per cani',
      'snack dentali', 'lettiera per gatti', 'ciotola', 'fontanella', 'zainetto per cani', 'cuccia per gatti', 'animali', 'cibo per cani',
      'cibo per gatti', 'crocchette', 'guinzaglio', 'collare', 'cuccia', 'lettiera', 'giochi per cani', 'giochi per gatti', 'tiragraffi',
    ],
    audio: [
      'cuffie', 'cassa bluetooth', 'casse bluetooth', 'cassa portatile', 'cuffie wireless', 'cuffie bluetooth', 'auricolari wireless',
      'auricolari bluetooth', 'custodia di ricarica', 'auricolari', 'cuffiette', 'cassa', 'casse', 'altoparlante', 'altoparlanti',
      'speaker', 'soundbar', 'giradischi', 'audio',
    ],
    bags: [
      'borsa', 'gilet idrico', 'zaino da viaggio', 'zaino da trekking', 'zaino da escursione', 'organizer da valigia',
      'borsa per il portatile', 'borsone da palestra', 'beauty case', 'borsa da spiaggia', 'sacca stagna', 'bagaglio a mano', 'borse',
      'zaino', 'zaini', 'zainetto', 'borsone', 'valigia', 'valigie', 'trolley', 'marsupio', 'tracolla', 'portafoglio',
    ],
    kitchen: [
      'cucina', 'bilancia', 'bilancia da cucina', 'macinino', 'macinini', 'set di pentole', 'caffettiera a stantuffo', 'borraccia',
      'grembiule', 'contenitori', 'pentole', 'pentola', 'padella', 'padelle', 'coltello', 'coltelli', 'bollitore', 'tazza', 'tazze',
      'macinacaffè', 'tagliere', 'casseruola', 'caffettiera', 'moka',
    ],
    home: [
      'articoli per la casa', 'ulivo', 'pianta finta', 'coperta ponderata', 'set di lenzuola', 'specchio', 'tende', 'lampadine', 'diffusore',
      'accappatoio', 'tappetino da bagno', 'aspirapolvere', 'coperta', 'plaid', 'candela', 'candele', 'cuscino', 'cuscini', 'lampada',
      'tappeto', 'asciugamano', 'asciugamani', 'lenzuola', 'biancheria da letto', 'vaso',
    ],
    toys: [
      'giocattoli', 'proiettore', 'proiettore di stelle', 'robot', 'pista per biglie', 'costruzioni magnetiche', 'trenino', 'binocolo',
      'mattoncini', 'giocattolo', 'giochi', 'gioco', 'gioco da tavolo', 'giochi da tavolo', 'puzzle', 'costruzioni', 'peluche', 'lego',
    ],
    beauty: [
      'bellezza', 'siero viso', 'crema mani', 'maschera viso', 'rossetto', 'mascara', 'deodorante', 'spazzolini', 'olio per capelli',
      'scrub', 'sali da bagno', 'crema idratante', 'cura della pelle', 'crema', 'creme', 'crema viso', 'lozione', 'siero', 'shampoo',
      'sapone', 'burrocacao', 'crema solare', 'protezione solare', 'cosmetici', 'trucchi',
    ],
    'gift-cards': ['carta regalo', 'buono acquisto', 'carte regalo', 'buono regalo', 'buoni regalo', 'gift card', 'buono'],
  },
  attributeValues: {
    // One form of each word: the query's stem reads the others ("nera", "neri" → "nero"). The store
    // says an attribute back in the first of its words in alphabetical order, so that one reads
    // after "niente del genere" or "disponibile in": "adatto alla corsa", "di lana", "nero".
    'feature:waterproof': ['impermeabile', 'waterproof'],
    'feature:wireless': ['bluetooth', 'senza fili'],
    'feature:vegan': ['vegano'],
    'feature:organic': ['bio', 'biologico'],
    'feature:insulated': ['imbottito', 'termico'],
    'feature:lightweight': ['leggero', 'ultraleggero'],
    'feature:packable': ['comprimibile', 'tascabile'],
    'use:hiking': ['adatto al trekking', 'da trekking', 'trekking', 'escursionismo', 'escursione', 'montagna'],
    'use:running': ['adatto alla corsa', 'da corsa', 'corsa', 'correre', 'jogging'],
    'use:travel': ['adatto ai viaggi', 'da viaggio', 'viaggio', 'viaggiare', 'vacanza'],
    'use:camping': ['adatto al campeggio', 'da campeggio', 'campeggio', 'camping'],
    'use:everyday': ["adatto all'uso quotidiano", 'da tutti i giorni', 'tutti i giorni', 'uso quotidiano'],
    'material:wool': ['di lana', 'in lana', 'lana'],
    'material:merino wool': ['in lana merino', 'lana merino', 'merino'],
    'material:leather': ['di pelle', 'in pelle', 'pelle'],
    'material:organic cotton': ['di cotone biologico', 'in cotone biologico'],
    'color:black': ['nero'],
    'color:white': ['bianco'],
    'color:blue': ['blu'],
    'color:red': ['rosso'],
    'color:green': ['verde'],
    'color:grey': ['grigio'],
    'color:brown': ['marrone'],
    'color:navy': ['blu navy', 'blu scuro'],
    'color:yellow': ['giallo'],
    'color:pink': ['rosa'],
    'color:orange': ['arancione'],
    'gender:women': ['da donna', 'donna', 'donne', 'femminile'],
    'gender:men': ['da uomo', 'uomo', 'uomini', 'maschile'],
  },
};

export const DEMO_CATALOG: DemoCatalogWords = { terms: TERMS, spokenNames: DEMO_SPOKEN_NAMES };
