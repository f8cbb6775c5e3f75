import type { DemoCatalogWords } from '../pack';
import { DEMO_SPOKEN_NAMES } from './demo-names';

/**
 * The words shoppers in Spain use for the demo catalog's categories and attribute values. A store
 * supplies its own. An attribute's first word is how it is said back ("no he encontrado nada
 * impermeable así", "está disponible en negro"), so it reads after "nada" or "en".
 */
const TERMS: DemoCatalogWords['terms'] = {
  categories: {
    shoes: [
      'zapatos', 'zapato', 'zapatillas', 'zapatilla', 'deportivas', 'bambas', 'botas', 'bota', 'botines', 'sandalias', 'chanclas',
      'zapatillas de correr', 'zapatillas de running', 'botas de montaña', 'zapatillas de casa', 'pantuflas', 'mocasines', 'calzado',
    ],
    jackets: [
      'chaqueta', 'chaquetas', 'cazadora', 'abrigo', 'abrigos', 'parka', 'plumas', 'plumífero', 'anorak', 'chubasquero', 'cortavientos',
      'chaleco', 'poncho', 'forro polar', 'polar', 'softshell',
    ],
    apparel: [
      'ropa', 'camiseta', 'camisetas', 'camisa', 'pantalón', 'pantalones', 'vaqueros', 'jersey', 'sudadera', 'calcetines', 'mallas',
      'pantalón corto', 'gorro', 'gorra', 'guantes', 'bufanda',
    ],
    coffee: ['café', 'cafés', 'café en grano', 'granos de café', 'café molido', 'espresso', 'expreso', 'cápsulas', 'cápsulas de café', 'café en cápsulas'],
    tea: ['té', 'tés', 'infusión', 'infusiones', 'bolsitas de té', 'bolsas de té', 'té a granel', 'té verde', 'té negro', 'manzanilla', 'tetera'],
    'pet-supplies': [
      'productos para mascotas', 'mascotas', 'comida para perros', 'comida para gatos', 'pienso', 'arena para gatos', 'correa', 'arnés',
      'cama para perros', 'juguetes para perros', 'rascador',
    ],
    audio: ['auriculares', 'cascos', 'altavoz', 'altavoces', 'barra de sonido', 'audio'],
    bags: ['bolso', 'bolsos', 'bolsa', 'mochila', 'mochilas', 'maleta', 'maletas', 'bolsa de viaje', 'riñonera', 'cartera', 'neceser'],
    kitchen: [
      'cocina', 'menaje', 'sartén', 'sartenes', 'olla', 'cazuela', 'cuchillo', 'cuchillos', 'hervidor', 'taza', 'tazas', 'molinillo',
      'tabla de cortar', 'cafetera',
    ],
    home: [
      'hogar', 'casa', 'manta', 'vela', 'velas', 'cojín', 'cojines', 'almohada', 'lámpara', 'alfombra', 'toalla', 'toallas', 'sábanas',
      'ropa de cama', 'maceta',
    ],
    toys: ['juguete', 'juguetes', 'juego', 'juegos', 'juego de mesa', 'puzle', 'puzzle', 'rompecabezas', 'bloques de construcción', 'peluche'],
    beauty: [
      'belleza', 'cosmética', 'cuidado de la piel', 'crema', 'crema hidratante', 'loción', 'sérum', 'champú', 'jabón', 'bálsamo labial',
      'protector solar', 'crema solar', 'maquillaje',
    ],
    'gift-cards': ['tarjeta regalo', 'tarjetas regalo', 'cheque regalo', 'vale regalo', 'bono regalo'],
  },
  attributeValues: {
    'feature:waterproof': ['impermeable', 'impermeables', 'waterproof'],
    'feature:wireless': ['inalámbrico', 'inalámbricos', 'inalámbrica', 'inalámbricas', 'sin cables', 'bluetooth'],
    'feature:vegan': ['vegano', 'vegana', 'veganos', 'veganas'],
    'feature:organic': ['ecológico', 'ecológica', 'ecológicos', 'ecológicas', 'orgánico', 'orgánica', 'bio'],
    'feature:insulated': ['acolchado', 'acolchada', 'térmico', 'térmica', 'aislante'],
    'feature:lightweight': ['ligero', 'ligera', 'ligeros', 'ligeras', 'ultraligero'],
    'feature:packable': ['plegable', 'plegables', 'compacto'],
    'use:hiking': ['de montaña', 'montaña', 'senderismo', 'trekking', 'excursiones', 'excursión', 'para andar por el monte'],
    'use:running': ['de running', 'running', 'correr', 'para correr', 'footing'],
    'use:travel': ['de viaje', 'viaje', 'viajes', 'viajar', 'para viajar', 'vacaciones'],
    'use:camping': ['de acampada', 'acampada', 'camping', 'acampar'],
    'use:everyday': ['para el día a día', 'día a día', 'diario', 'de diario'],
    'material:wool': ['de lana', 'lana'],
    'material:merino wool': ['de lana merino', 'lana merino', 'merino'],
    'material:leather': ['de piel', 'piel', 'cuero', 'de cuero'],
    'material:organic cotton': ['de algodón ecológico', 'algodón ecológico', 'algodón orgánico'],
    'color:black': ['negro', 'negra', 'negros', 'negras'],
    'color:white': ['blanco', 'blanca', 'blancos', 'blancas'],
    'color:blue': ['azul', 'azules'],
    'color:red': ['rojo', 'roja', 'rojos', 'rojas'],
    'color:green': ['verde', 'verdes'],
    'color:grey': ['gris', 'grises'],
    'color:brown': ['marrón', 'marrones'],
    'color:navy': ['azul marino', 'azul oscuro'],
    'color:yellow': ['amarillo', 'amarilla', 'amarillos', 'amarillas'],
    'color:pink': ['rosa', 'rosas'],
    'color:orange': ['naranja', 'naranjas'],
    'gender:women': ['de mujer', 'mujer', 'mujeres', 'para mujer', 'señora'],
    'gender:men': ['de hombre', 'hombre', 'hombres', 'para hombre', 'caballero'],
  },
};

export const DEMO_CATALOG: DemoCatalogWords = { terms: TERMS, spokenNames: DEMO_SPOKEN_NAMES };
