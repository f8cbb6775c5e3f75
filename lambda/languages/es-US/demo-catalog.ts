import type { DemoCatalogWords } from '../pack';
import { DEMO_SPOKEN_NAMES } from './demo-names';

/**
 * The words Spanish-speaking shoppers in the United States use for the demo catalog's categories
 * and attribute values, with the English they mix in ("los sneakers", "un hoodie"). An attribute
 * value's first word is how it is said back ("No encontré nada impermeable así"), so it reads after
 * "nada". A store supplies its own.
 */
const TERMS: DemoCatalogWords['terms'] = {
  categories: {
    shoes: ['zapatos', 'zapato', 'tenis', 'zapatillas', 'sneakers', 'botas', 'bota', 'calzado', 'sandalias', 'chanclas', 'pantuflas', 'huaraches', 'mocasines'],
    jackets: ['chamarra', 'chamarras', 'chaqueta', 'chaquetas', 'abrigo', 'abrigos', 'impermeable', 'rompevientos', 'parka', 'chaleco', 'poncho', 'jacket', 'sudadera de forro polar'],
    apparel: ['ropa', 'camisa', 'camiseta', 'playera', 'pantalón', 'pantalones', 'jeans', 'suéter', 'sudadera', 'hoodie', 'calcetines', 'calcetas', 'leggings', 'shorts', 'gorra', 'gorro', 'guantes'],
    coffee: ['café', 'café en grano', 'café molido', 'espresso'],
    tea: ['té', 'tés', 'bolsitas de té'],
    'pet-supplies': ['artículos para mascotas', 'comida para perro', 'comida para gato', 'croquetas', 'correa', 'juguete para perro', 'cama para perro', 'arena para gato'],
    audio: ['audífonos', 'audífono', 'bocina', 'bocinas', 'barra de sonido', 'headphones', 'earbuds', 'diadema'],
    bags: ['bolsa', 'bolsas', 'mochila', 'mochilas', 'maleta', 'maletas', 'backpack', 'cartera', 'bolso', 'mochila de viaje'],
    kitchen: ['cocina', 'sartén', 'sartenes', 'olla', 'ollas', 'cuchillo', 'cuchillos', 'tetera', 'taza', 'molino', 'tabla para picar', 'trastes'],
    home: ['hogar', 'para la casa', 'cobija', 'cobijas', 'manta', 'vela', 'almohada', 'cojín', 'lámpara', 'tapete', 'alfombra', 'toalla', 'toallas', 'sábanas', 'juego de sábanas', 'ropa de cama'],
    toys: ['juguete', 'juguetes', 'juego', 'juegos', 'juego de mesa', 'rompecabezas', 'bloques', 'peluche', 'lego'],
    beauty: ['belleza', 'cuidado de la piel', 'crema', 'loción', 'sérum', 'serum', 'champú', 'shampoo', 'jabón', 'bálsamo de labios', 'bloqueador', 'protector solar', 'maquillaje'],
    'gift-cards': ['tarjeta de regalo', 'tarjetas de regalo', 'gift card', 'certificado de regalo'],
  },
  attributeValues: {
    'feature:waterproof': ['impermeable', 'impermeables', 'a prueba de agua', 'contra el agua'],
    'feature:wireless': ['inalámbrico', 'inalámbricos', 'inalámbrica', 'inalámbricas', 'sin cable', 'sin cables', 'bluetooth'],
    'feature:vegan': ['vegano', 'vegana', 'veganos', 'veganas'],
    'feature:organic': ['orgánico', 'orgánica', 'orgánicos', 'orgánicas', 'organic'],
    'feature:insulated': ['térmico', 'térmica', 'térmicos', 'con aislante', 'acolchado', 'acolchada'],
    'feature:lightweight': ['ligero', 'ligera', 'ligeros', 'ligeras', 'liviano', 'liviana', 'lightweight'],
    'feature:packable': ['compactable', 'plegable', 'plegables', 'que se guarda en su bolsa'],
    'use:hiking': ['para senderismo', 'senderismo', 'caminata', 'caminatas', 'caminar en el monte', 'excursión', 'excursiones', 'hiking'],
    'use:running': ['para correr', 'correr', 'trotar', 'running', 'jogging'],
    'use:travel': ['para viajar', 'viajar', 'viaje', 'viajes', 'vacaciones'],
    'use:camping': ['para acampar', 'acampar', 'campamento', 'camping'],
    'use:everyday': ['para diario', 'diario', 'todos los días', 'uso diario'],
    'material:wool': ['de lana', 'lana'],
    'material:merino wool': ['de lana merino', 'lana merino', 'merino'],
    'material:leather': ['de piel', 'piel', 'cuero', 'de cuero'],
    'material:organic cotton': ['de algodón orgánico', 'algodón orgánico'],
    'color:black': ['negro', 'negra', 'negros', 'negras'],
    'color:white': ['blanco', 'blanca', 'blancos', 'blancas'],
    'color:blue': ['azul', 'azules'],
    'color:red': ['rojo', 'roja', 'rojos', 'rojas'],
    'color:green': ['verde', 'verdes'],
    'color:grey': ['gris', 'grises'],
    'color:brown': ['café', 'cafés', 'marrón', 'color café'],
    'color:navy': ['azul marino', 'marino'],
    'color:yellow': ['amarillo', 'amarilla', 'amarillos', 'amarillas'],
    'color:pink': ['rosa', 'rosado', 'rosada', 'rosita'],
    'color:orange': ['naranja', 'anaranjado', 'anaranjada'],
    'gender:women': ['para mujer', 'de mujer', 'mujer', 'mujeres', 'dama', 'damas'],
    'gender:men': ['para hombre', 'de hombre', 'hombre', 'hombres', 'caballero', 'caballeros'],
  },
};

export const DEMO_CATALOG: DemoCatalogWords = { terms: TERMS, spokenNames: DEMO_SPOKEN_NAMES };
