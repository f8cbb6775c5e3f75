import { demoSpokenNames } from './demo-vocabulary';

/**
 * The demo store's catalog: 225 products over 13 categories, with fictional but plausible brands.
 * Stock levels not fixed here are drawn from the seeded PRNG in demo-seed.ts.
 */

export const DEMO_CATEGORIES = [
  'shoes',
  'jackets',
  'apparel',
  'coffee',
  'tea',
  'pet-supplies',
  'audio',
  'bags',
  'kitchen',
  'home',
  'toys',
  'beauty',
  'gift-cards',
] as const;

export type DemoCategory = (typeof DEMO_CATEGORIES)[number];

export interface DemoProduct {
  readonly id: string;
  readonly sku: string;
  readonly category: DemoCategory;
  readonly brand: string;
  readonly name: string;
  readonly spokenName: string;
  /** Spoken names in other locales, by locale (demo-names-de.ts). */
  readonly spokenNames: Readonly<Record<string, string>>;
  /** US dollars and cents, as written on the price tag; converted to minor units once, when seeding. */
  readonly priceUsd: number;
  readonly description: string;
  readonly attributes: Readonly<Record<string, readonly string[]>>;
  /** A fixed stock level; otherwise drawn when seeding. */
  readonly stock?: number;
  /** With stock 0: back in stock this many days after the seed day; null means no date known. */
  readonly restockInDays?: number | null;
  readonly finalSale?: boolean;
}

interface Entry {
  readonly brand: string;
  readonly name: string;
  readonly spoken: string;
  readonly price: number;
  readonly description: string;
  /** Comma-separated values per attribute, e.g. { color: 'black, navy' }. */
  readonly attributes: Readonly<Record<string, string | readonly string[]>>;
  readonly id?: string;
  readonly stock?: number;
  readonly restockInDays?: number | null;
  readonly finalSale?: boolean;
}

const SHOE_SIZES = ['6', '7', '8', '9', '10', '11', '12', '13'];
const KIDS_SHOE_SIZES = ['10C', '11C', '12C', '13C', '1Y', '2Y', '3Y'];
const CLOTHING_SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];
const KIDS_SIZES = ['4T', '5', '6', '7', '8', '10', '12'];
const SOCK_SIZES = ['S', 'M', 'L', 'XL'];
const WAIST_SIZES = ['28', '30', '32', '34', '36', '38'];
const DOG_SIZES = ['S', 'M', 'L'];
const BED_SIZES = ['twin', 'full', 'queen', 'king'];

const SHOES: readonly Entry[] = [
  { id: 'trailblazer-running-shoes', brand: 'Stridewell', name: "Trailblazer Trail Running Shoes, Men's", spoken: 'Trailblazer running shoes', price: 129.99, description: 'Light trail runners with a grippy lug outsole and a breathable mesh upper.', attributes: { color: 'slate grey, orange', material: 'mesh, rubber', feature: 'breathable, lightweight', use: 'running, trail running', size: SHOE_SIZES, gender: 'men' }, stock: 34 },
  { brand: 'Stridewell', name: "Trailblazer GTX Waterproof Trail Running Shoes, Women's", spoken: 'Trailblazer waterproof running shoes', price: 149.99, description: 'The Trailblazer with a waterproof membrane for wet, muddy trails.', attributes: { color: 'teal, black', material: 'mesh, rubber', feature: 'waterproof, breathable', use: 'running, trail running, hiking', size: SHOE_SIZES, gender: 'women' } },
  { brand: 'Northpeak', name: "Ridgeline Waterproof Hiking Boots, Men's", spoken: 'Ridgeline hiking boots', price: 179.0, description: 'Full-grain leather hiking boots with a waterproof lining and ankle support.', attributes: { color: 'brown', material: 'leather, rubber', feature: 'waterproof, ankle support', use: 'hiking, backpacking', size: SHOE_SIZES, gender: 'men' } },
  { brand: 'Northpeak', name: "Ridgeline Mid Waterproof Hiking Boots, Women's", spoken: "Ridgeline women's hiking boots", price: 174.0, description: 'A lighter mid-height version of the Ridgeline, waterproof and trail ready.', attributes: { color: 'taupe, sage', material: 'leather, mesh', feature: 'waterproof', use: 'hiking', size: SHOE_SIZES, gender: 'women' }, stock: 0, restockInDays: 9 },
  { brand: 'Kestrel Athletics', name: "Swift Road Running Shoes, Women's", spoken: 'Swift running shoes', price: 119.95, description: 'Cushioned, springy road shoes for daily training miles.', attributes: { color: 'white, coral', material: 'knit, foam', feature: 'lightweight, cushioned', use: 'running', size: SHOE_SIZES, gender: 'women' } },
  { brand: 'Kestrel Athletics', name: 'Tempo Racer Carbon Plate Running Shoes', spoken: 'Tempo racing shoes', price: 189.95, description: 'A carbon-plated racer with a responsive foam for race day.', attributes: { color: 'neon yellow', material: 'mesh, carbon fiber', feature: 'lightweight, carbon plate', use: 'running, racing', size: SHOE_SIZES, gender: 'unisex' } },
  { brand: 'Coastline', name: 'Harbor Canvas Sneakers', spoken: 'Harbor canvas sneakers', price: 59.0, description: 'Classic low-top sneakers in organic canvas with a natural rubber sole.', attributes: { color: 'white, navy, black', material: 'canvas, rubber', feature: 'vegan', use: 'everyday', size: SHOE_SIZES, gender: 'unisex' } },
  { brand: 'Coastline', name: "Driftwood Leather Boat Shoes, Men's", spoken: 'Driftwood boat shoes', price: 89.0, description: 'Hand-sewn leather boat shoes with a non-marking siped sole.', attributes: { color: 'tan, navy', material: 'leather', feature: 'non-marking sole', use: 'boating, everyday', size: SHOE_SIZES, gender: 'men' } },
  { brand: 'Urban Sole', name: 'Metro Vegan Leather Chelsea Boots', spoken: 'Metro Chelsea boots', price: 139.0, description: 'Sleek pull-on Chelsea boots in plant-based leather.', attributes: { color: 'black, cognac', material: 'vegan leather', feature: 'vegan, water-resistant', use: 'everyday, office', size: SHOE_SIZES, gender: 'unisex' } },
  { brand: 'Urban Sole', name: 'Cloudstep Slip-On Walking Shoes', spoken: 'Cloudstep walking shoes', price: 79.99, description: 'Easy slip-on walkers with a memory foam footbed for long days on your feet.', attributes: { color: 'grey, black', material: 'knit', feature: 'memory foam, machine washable', use: 'walking, travel', size: SHOE_SIZES, gender: 'unisex' } },
  { brand: 'Northpeak', name: "Basecamp Insulated Winter Boots, Women's", spoken: 'Basecamp winter boots', price: 159.99, description: 'Insulated, waterproof snow boots rated to minus twenty degrees.', attributes: { color: 'black, cream', material: 'nylon, rubber', feature: 'waterproof, insulated', use: 'snow, winter', size: SHOE_SIZES, gender: 'women' }, stock: 0, restockInDays: 21 },
  { brand: 'Stridewell', name: 'Everyday Cross-Training Shoes', spoken: 'everyday trainers', price: 99.99, description: 'Stable, flat-soled trainers for lifting, classes and the gym floor.', attributes: { color: 'black, white', material: 'mesh', feature: 'stable', use: 'gym, training', size: SHOE_SIZES, gender: 'unisex' } },
  { brand: 'Coastline', name: 'Tidepool Water Shoes', spoken: 'Tidepool water shoes', price: 44.99, description: 'Quick-drying water shoes that drain fast and grip wet rock.', attributes: { color: 'blue, grey', material: 'mesh, rubber', feature: 'quick-dry', use: 'kayaking, beach', size: SHOE_SIZES, gender: 'unisex' } },
  { brand: 'Urban Sole', name: "Parkside Suede Loafers, Men's", spoken: 'Parkside loafers', price: 119.0, description: 'Unlined suede loafers that soften with every wear.', attributes: { color: 'chocolate, sand', material: 'suede', feature: 'unlined', use: 'office, everyday', size: SHOE_SIZES, gender: 'men' } },
  { brand: 'Kestrel Athletics', name: 'Recovery Foam Slides', spoken: 'recovery slides', price: 39.95, description: 'Soft, shock-absorbing slides for tired feet after a long run.', attributes: { color: 'black, sand', material: 'foam', feature: 'vegan, cushioned', use: 'recovery, everyday', size: SHOE_SIZES, gender: 'unisex' } },
  { brand: 'Northpeak', name: 'Summit Approach Shoes', spoken: 'Summit approach shoes', price: 149.0, description: 'Sticky-rubber approach shoes for scrambles and rocky trails.', attributes: { color: 'grey, red', material: 'suede, rubber', feature: 'sticky rubber', use: 'climbing, hiking', size: SHOE_SIZES, gender: 'unisex' } },
  { brand: 'Stridewell', name: "Kids' Light-Up Sneakers", spoken: "light-up kids' sneakers", price: 49.99, description: 'Hook-and-loop sneakers with soles that light up with every step.', attributes: { color: 'pink, blue', material: 'synthetic', feature: 'light-up, easy on', use: 'everyday, school', size: KIDS_SHOE_SIZES, age: 'kids' } },
  { brand: 'Coastline', name: 'Wool Cozy Slippers', spoken: 'wool slippers', price: 64.0, description: 'Felted wool slippers with a rubber sole for quick trips outside.', attributes: { color: 'heather grey, oatmeal', material: 'wool', feature: 'warm', use: 'home', size: SHOE_SIZES, gender: 'unisex' } },
];

const JACKETS: readonly Entry[] = [
  { id: 'stormline-rain-jacket', brand: 'Northpeak', name: "Stormline Waterproof Rain Jacket, Men's", spoken: 'Stormline rain jacket', price: 139.0, description: 'A packable, seam-sealed rain shell with pit zips and an adjustable hood.', attributes: { color: 'blue, black, olive', material: 'recycled nylon', feature: 'waterproof, breathable, packable', use: 'hiking, travel, everyday', size: CLOTHING_SIZES, gender: 'men' }, stock: 18 },
  { brand: 'Northpeak', name: "Stormline Waterproof Rain Jacket, Women's", spoken: "Stormline women's rain jacket", price: 139.0, description: 'The Stormline cut for women: seam-sealed, packable and breathable.', attributes: { color: 'red, black, sage', material: 'recycled nylon', feature: 'waterproof, breathable, packable', use: 'hiking, travel, everyday', size: CLOTHING_SIZES, gender: 'women' } },
  { brand: 'Rainier Outfitters', name: 'Cascade 3-Layer Shell Jacket', spoken: 'Cascade shell jacket', price: 249.0, description: 'A burly three-layer waterproof shell for alpine weather.', attributes: { color: 'orange, black', material: 'nylon', feature: 'waterproof, breathable, helmet-compatible hood', use: 'hiking, mountaineering', size: CLOTHING_SIZES, gender: 'unisex' } },
  { brand: 'Rainier Outfitters', name: 'Packable Down Jacket', spoken: 'packable down jacket', price: 189.0, description: 'Warm 650-fill down that packs into its own pocket.', attributes: { color: 'black, navy, burgundy', material: 'nylon, down', feature: 'packable, insulated', use: 'travel, hiking, everyday', size: CLOTHING_SIZES, gender: 'unisex' } },
  { brand: 'Harbor Line', name: 'Classic Denim Jacket', spoken: 'denim jacket', price: 89.5, description: 'A rigid denim trucker jacket that breaks in beautifully.', attributes: { color: 'indigo, light wash', material: 'cotton denim', feature: 'classic fit', use: 'everyday', size: CLOTHING_SIZES, gender: 'unisex' } },
  { brand: 'Harbor Line', name: 'Waxed Canvas Field Jacket', spoken: 'waxed canvas jacket', price: 198.0, description: 'Water-resistant waxed canvas with a corduroy collar and four cargo pockets.', attributes: { color: 'olive, tan', material: 'waxed cotton canvas', feature: 'water-resistant', use: 'everyday, outdoor work', size: CLOTHING_SIZES, gender: 'unisex' } },
  { brand: 'Kestrel Athletics', name: 'Windrunner Running Jacket', spoken: 'Windrunner running jacket', price: 84.95, description: 'A featherweight windproof running jacket with reflective trim.', attributes: { color: 'black, lime', material: 'polyester', feature: 'windproof, reflective, packable', use: 'running', size: CLOTHING_SIZES, gender: 'unisex' } },
  { brand: 'Northpeak', name: 'Trailhead Fleece Jacket', spoken: 'Trailhead fleece', price: 69.0, description: 'A midweight full-zip fleece made from recycled bottles.', attributes: { color: 'forest green, grey, navy', material: 'recycled polyester fleece', feature: 'warm, recycled', use: 'hiking, camping, everyday', size: CLOTHING_SIZES, gender: 'unisex' } },
  { brand: 'Rainier Outfitters', name: "Alpine Insulated Parka, Women's", spoken: 'Alpine parka', price: 299.0, description: 'A thigh-length waterproof parka with synthetic insulation and a faux-fur hood.', attributes: { color: 'black, camel', material: 'nylon, synthetic insulation', feature: 'waterproof, insulated', use: 'winter, city', size: CLOTHING_SIZES, gender: 'women' } },
  { brand: 'Harbor Line', name: 'Quilted Vest', spoken: 'quilted vest', price: 79.0, description: 'A light diamond-quilted vest for layering in spring and fall.', attributes: { color: 'navy, olive', material: 'nylon, polyester fill', feature: 'lightweight, insulated', use: 'everyday, travel', size: CLOTHING_SIZES, gender: 'unisex' } },
  { brand: 'Northpeak', name: 'Summit Softshell Jacket', spoken: 'Summit softshell', price: 119.0, description: 'A stretchy, water-resistant softshell for active days in the hills.', attributes: { color: 'charcoal, blue', material: 'polyester, elastane', feature: 'water-resistant, stretch', use: 'hiking, climbing', size: CLOTHING_SIZES, gender: 'unisex' } },
  { brand: 'Kestrel Athletics', name: 'Thermal Running Vest', spoken: 'thermal running vest', price: 64.95, description: 'A warm core layer for cold morning runs, with a zip chest pocket.', attributes: { color: 'black, orange', material: 'polyester', feature: 'insulated, reflective', use: 'running', size: CLOTHING_SIZES, gender: 'unisex' } },
  { brand: 'Harbor Line', name: 'Vegan Leather Moto Jacket', spoken: 'moto jacket', price: 149.0, description: 'An asymmetric-zip moto jacket in soft plant-based leather.', attributes: { color: 'black, oxblood', material: 'vegan leather', feature: 'vegan', use: 'everyday, night out', size: CLOTHING_SIZES, gender: 'women' } },
  { brand: 'Rainier Outfitters', name: "Kids' Puddle Rain Jacket", spoken: "kids' rain jacket", price: 49.0, description: 'A bright, fully waterproof rain jacket built for puddle jumping.', attributes: { color: 'yellow, red', material: 'polyester', feature: 'waterproof, reflective', use: 'school, outdoor play', size: KIDS_SIZES, age: 'kids' } },
  { brand: 'Northpeak', name: 'Ultralight Wind Shell', spoken: 'ultralight wind shell', price: 99.0, description: 'A three-ounce wind shell that stuffs into a chest pocket.', attributes: { color: 'ice blue, black', material: 'ripstop nylon', feature: 'windproof, packable, lightweight', use: 'hiking, running, travel', size: CLOTHING_SIZES, gender: 'unisex' } },
  { brand: 'Rainier Outfitters', name: 'Backcountry Ski Jacket', spoken: 'backcountry ski jacket', price: 329.0, description: 'A waterproof, insulated ski jacket with a powder skirt and vents.', attributes: { color: 'red, white', material: 'nylon', feature: 'waterproof, insulated, powder skirt', use: 'skiing, snowboarding', size: CLOTHING_SIZES, gender: 'unisex' }, stock: 0, restockInDays: 30 },
  { brand: 'Harbor Line', name: "Wool Peacoat, Men's", spoken: 'wool peacoat', price: 229.0, description: 'A double-breasted peacoat in dense Melton wool.', attributes: { color: 'navy, charcoal', material: 'wool', feature: 'warm', use: 'city, office', size: CLOTHING_SIZES, gender: 'men' } },
  { brand: 'Northpeak', name: 'Trail Rain Poncho', spoken: 'rain poncho', price: 34.99, description: 'A roomy waterproof poncho that also covers a backpack.', attributes: { color: 'green, orange', material: 'polyester', feature: 'waterproof, packable', use: 'hiking, festivals', size: ['one size'] } },
];

const APPAREL: readonly Entry[] = [
  { id: 'merino-hiking-socks', brand: 'Woolly Goods', name: 'Merino Wool Hiking Socks', spoken: 'merino hiking socks', price: 18.0, description: 'Cushioned merino socks that stay warm when wet and never itch.', attributes: { color: 'charcoal, moss', material: 'merino wool', feature: 'cushioned, odor-resistant', use: 'hiking, running', size: SOCK_SIZES }, stock: 120 },
  { id: 'hearts-graphic-tee', brand: 'Cotton Commons', name: 'Hearts <3 Graphic Tee', spoken: 'hearts graphic tee', price: 24.0, description: 'A soft organic cotton tee with a hand-drawn hearts print.', attributes: { color: 'white, pink', material: 'organic cotton', feature: 'organic', use: 'everyday', size: CLOTHING_SIZES }, stock: 40 },
  { brand: 'Cotton Commons', name: 'Organic Cotton Crew Tee', spoken: 'organic crew tee', price: 22.0, description: 'An everyday crew-neck tee in midweight organic cotton.', attributes: { color: 'white, black, heather grey, navy', material: 'organic cotton', feature: 'organic', use: 'everyday', size: CLOTHING_SIZES } },
  { brand: 'Kestrel Athletics', name: "Breeze Running Tank, Women's", spoken: 'Breeze running tank', price: 34.95, description: 'A featherlight, sweat-wicking tank with a racerback.', attributes: { color: 'coral, black', material: 'recycled polyester', feature: 'moisture-wicking, lightweight', use: 'running, gym', size: CLOTHING_SIZES, gender: 'women' } },
  { brand: 'Kestrel Athletics', name: 'Stride 5" Running Shorts, Men\'s', spoken: 'Stride running shorts', price: 42.0, description: 'Five-inch running shorts with a built-in liner and a phone pocket.', attributes: { color: 'black, navy', material: 'polyester', feature: 'moisture-wicking, phone pocket', use: 'running', size: CLOTHING_SIZES, gender: 'men' } },
  { brand: 'Harbor Line', name: 'Oxford Button-Down Shirt', spoken: 'Oxford shirt', price: 68.0, description: 'A washed cotton Oxford that looks sharp and feels broken in.', attributes: { color: 'white, light blue', material: 'cotton', feature: 'wrinkle-resistant', use: 'office, everyday', size: CLOTHING_SIZES, gender: 'men' } },
  { brand: 'Woolly Goods', name: 'Merino Base Layer Top', spoken: 'merino base layer', price: 89.0, description: 'A lightweight merino base layer for cold-weather activity.', attributes: { color: 'black, deep blue', material: 'merino wool', feature: 'odor-resistant, warm', use: 'hiking, skiing', size: CLOTHING_SIZES } },
  { brand: 'Cotton Commons', name: 'Heavyweight Pullover Hoodie', spoken: 'pullover hoodie', price: 58.0, description: 'A heavyweight brushed-fleece hoodie in organic cotton.', attributes: { color: 'oatmeal, black, forest green', material: 'organic cotton fleece', feature: 'organic', use: 'everyday', size: CLOTHING_SIZES } },
  { brand: 'Harbor Line', name: 'Slim Stretch Chinos', spoken: 'stretch chinos', price: 74.0, description: 'Slim chinos with just enough stretch to move.', attributes: { color: 'khaki, navy, olive', material: 'cotton, elastane', feature: 'stretch', use: 'office, everyday', size: WAIST_SIZES, gender: 'men' } },
  { brand: 'Kestrel Athletics', name: 'Flex High-Rise Leggings', spoken: 'Flex leggings', price: 68.0, description: 'Squat-proof high-rise leggings with side pockets.', attributes: { color: 'black, plum', material: 'nylon, elastane', feature: 'moisture-wicking, pockets', use: 'yoga, running, gym', size: CLOTHING_SIZES, gender: 'women' } },
  { brand: 'Woolly Goods', name: 'Cable Knit Beanie', spoken: 'cable knit beanie', price: 28.0, description: 'A chunky cable-knit beanie in soft lambswool.', attributes: { color: 'cream, mustard, charcoal', material: 'lambswool', feature: 'warm', use: 'winter, everyday', size: ['one size'] } },
  { brand: 'Northpeak', name: 'Convertible Trail Hiking Pants', spoken: 'convertible hiking pants', price: 79.0, description: 'Quick-dry hiking pants that zip off into shorts.', attributes: { color: 'khaki, grey', material: 'nylon', feature: 'quick-dry, convertible, UPF 40', use: 'hiking, travel', size: WAIST_SIZES } },
  { brand: 'Cotton Commons', name: 'Everyday Ankle Socks, 6-Pack', spoken: 'ankle socks', price: 19.99, description: 'Six pairs of soft cotton ankle socks with a cushioned sole.', attributes: { color: 'white, black', material: 'cotton', feature: 'cushioned', use: 'everyday, gym', size: SOCK_SIZES } },
  { brand: 'Harbor Line', name: 'Linen Summer Shirt', spoken: 'linen shirt', price: 59.0, description: 'A breezy, relaxed shirt in pure European linen.', attributes: { color: 'white, sky blue, sand', material: 'linen', feature: 'breathable', use: 'summer, travel', size: CLOTHING_SIZES } },
  { brand: 'Kestrel Athletics', name: 'Seamless Sports Bra', spoken: 'seamless sports bra', price: 44.0, description: 'A seamless medium-support bra for runs and studio classes.', attributes: { color: 'black, sage', material: 'nylon, elastane', feature: 'moisture-wicking, seamless', use: 'running, yoga, gym', size: CLOTHING_SIZES, gender: 'women' } },
  { brand: 'Woolly Goods', name: 'Fleece-Lined Touchscreen Gloves', spoken: 'fleece-lined gloves', price: 32.0, description: 'Warm knit gloves with touchscreen fingertips.', attributes: { color: 'black, grey', material: 'wool blend, fleece', feature: 'touchscreen, warm', use: 'winter, commuting', size: ['S/M', 'L/XL'] } },
  { brand: 'Cotton Commons', name: 'Organic Cotton Pajama Set', spoken: 'organic pajama set', price: 64.0, description: 'A soft long-sleeve pajama set in organic cotton jersey.', attributes: { color: 'blue stripe, grey', material: 'organic cotton', feature: 'organic', use: 'sleep', size: CLOTHING_SIZES } },
  { brand: 'Northpeak', name: 'Sun Hoodie UPF 50', spoken: 'sun hoodie', price: 54.0, description: 'A lightweight hooded sun shirt that blocks 98 percent of UV.', attributes: { color: 'white, light blue', material: 'polyester', feature: 'UPF 50, quick-dry', use: 'hiking, fishing, beach', size: CLOTHING_SIZES } },
  { brand: 'Harbor Line', name: 'Classic Crewneck Sweater', spoken: 'crewneck sweater', price: 88.0, description: 'A cotton and cashmere crewneck for everyday layering.', attributes: { color: 'navy, oatmeal, burgundy', material: 'cotton, cashmere', feature: 'soft', use: 'everyday, office', size: CLOTHING_SIZES } },
];

const COFFEE: readonly Entry[] = [
  { id: 'ethiopia-yirgacheffe-coffee', brand: 'Blue Ridge Roasters', name: 'Ethiopia Yirgacheffe Whole Bean Coffee, 12 oz', spoken: 'Ethiopia Yirgacheffe coffee', price: 16.99, description: 'A bright, floral light roast with notes of lemon and jasmine.', attributes: { roast: 'light', origin: 'Ethiopia', form: 'whole bean', feature: 'organic, fair trade', use: 'pour-over, drip', flavor: 'floral, citrus' }, stock: 64 },
  { id: 'colombia-supremo-coffee', brand: 'Blue Ridge Roasters', name: 'Colombia Supremo Whole Bean Coffee, 12 oz', spoken: 'Colombia Supremo coffee', price: 14.99, description: 'A balanced medium roast with caramel sweetness and a nutty finish.', attributes: { roast: 'medium', origin: 'Colombia', form: 'whole bean', feature: 'fair trade', use: 'drip, French press', flavor: 'caramel, nutty' }, stock: 51 },
  { brand: 'Blue Ridge Roasters', name: 'House Espresso Blend Whole Bean Coffee, 2 lb', spoken: 'house espresso blend', price: 32.0, description: 'A chocolatey espresso blend that cuts through milk.', attributes: { roast: 'medium-dark', origin: 'Brazil, Colombia', form: 'whole bean', feature: 'blend', use: 'espresso', flavor: 'chocolate, toasted almond' } },
  { brand: 'Morning Ritual', name: 'Breakfast Blend Ground Coffee, 12 oz', spoken: 'breakfast blend', price: 11.49, description: 'A smooth, mellow light-medium roast for the first cup of the day.', attributes: { roast: 'light-medium', origin: 'Central America', form: 'ground', feature: 'blend', use: 'drip', flavor: 'smooth, mild' } },
  { brand: 'Morning Ritual', name: 'French Roast Ground Coffee, 24 oz', spoken: 'French roast', price: 18.99, description: 'A bold, smoky dark roast in a big bag.', attributes: { roast: 'dark', origin: 'Latin America', form: 'ground', feature: 'bold', use: 'drip, French press', flavor: 'smoky' } },
  { brand: 'Morning Ritual', name: 'Decaf Colombian Ground Coffee, 12 oz', spoken: 'decaf Colombian', price: 12.49, description: 'Swiss Water decaf with all the flavor and none of the caffeine.', attributes: { roast: 'medium', origin: 'Colombia', form: 'ground', feature: 'decaf, Swiss Water process', use: 'drip', flavor: 'cocoa, mild' } },
  { brand: 'Cascade Coffee Co.', name: 'Sumatra Mandheling Whole Bean Coffee, 12 oz', spoken: 'Sumatra coffee', price: 15.99, description: 'An earthy, full-bodied dark roast with low acidity.', attributes: { roast: 'dark', origin: 'Indonesia', form: 'whole bean', feature: 'low acid', use: 'French press, drip', flavor: 'earthy, herbal' } },
  { brand: 'Cascade Coffee Co.', name: 'Guatemala Antigua Whole Bean Coffee, 12 oz', spoken: 'Guatemala Antigua coffee', price: 15.49, description: 'A cocoa-rich medium roast grown in volcanic soil.', attributes: { roast: 'medium', origin: 'Guatemala', form: 'whole bean', feature: 'single origin', use: 'drip, pour-over', flavor: 'cocoa, spice' } },
  { brand: 'Cascade Coffee Co.', name: 'Cold Brew Coarse Grind Coffee, 2 lb', spoken: 'cold brew grind', price: 24.99, description: 'Coarse-ground beans roasted for smooth, sweet cold brew.', attributes: { roast: 'medium-dark', origin: 'Brazil', form: 'ground', feature: 'coarse grind', use: 'cold brew', flavor: 'chocolate, smooth' }, stock: 0, restockInDays: 5 },
  { brand: 'Tierra Verde', name: 'Organic Peru Whole Bean Coffee, 12 oz', spoken: 'organic Peru coffee', price: 14.49, description: 'A gentle organic medium roast from Peruvian co-ops.', attributes: { roast: 'medium', origin: 'Peru', form: 'whole bean', feature: 'organic, fair trade', use: 'drip, pour-over', flavor: 'honey, mild' } },
  { brand: 'Tierra Verde', name: 'Organic Mexico Chiapas Ground Coffee, 12 oz', spoken: 'Mexico Chiapas coffee', price: 13.99, description: 'A soft, nutty organic coffee from the highlands of Chiapas.', attributes: { roast: 'medium', origin: 'Mexico', form: 'ground', feature: 'organic', use: 'drip', flavor: 'nutty' } },
  { brand: 'Tierra Verde', name: 'Organic Honduras Espresso, 12 oz', spoken: 'Honduras espresso', price: 15.99, description: 'A syrupy organic espresso roast with notes of dark cherry.', attributes: { roast: 'dark', origin: 'Honduras', form: 'whole bean', feature: 'organic', use: 'espresso', flavor: 'cherry, dark chocolate' } },
  { brand: 'Blue Ridge Roasters', name: 'Kenya AA Whole Bean Coffee, 12 oz', spoken: 'Kenya AA coffee', price: 19.99, description: 'A juicy, wine-like light roast with blackcurrant notes.', attributes: { roast: 'light', origin: 'Kenya', form: 'whole bean', feature: 'single origin', use: 'pour-over', flavor: 'berry, bright' } },
  { brand: 'Morning Ritual', name: 'Hazelnut Flavored Ground Coffee, 12 oz', spoken: 'hazelnut coffee', price: 10.99, description: 'A sweet, nutty flavored coffee that tastes like dessert.', attributes: { roast: 'medium', origin: 'Latin America', form: 'ground', feature: 'flavored', use: 'drip', flavor: 'hazelnut' } },
  { brand: 'Cascade Coffee Co.', name: 'Medium Roast Single-Serve Pods, 24 Count', spoken: 'medium roast pods', price: 17.99, description: 'Compostable single-serve pods of our everyday medium roast.', attributes: { roast: 'medium', origin: 'Colombia', form: 'pods', feature: 'compostable', use: 'single-serve brewer', flavor: 'balanced' } },
  { brand: 'Blue Ridge Roasters', name: 'Costa Rica Tarrazú Whole Bean Coffee, 12 oz', spoken: 'Costa Rica Tarrazú coffee', price: 17.49, description: 'A clean, sweet medium roast with citrus and brown sugar.', attributes: { roast: 'medium', origin: 'Costa Rica', form: 'whole bean', feature: 'single origin', use: 'pour-over, drip', flavor: 'citrus, brown sugar' } },
  { brand: 'Morning Ritual', name: 'Instant Coffee Sticks, 30 Count', spoken: 'instant coffee sticks', price: 12.99, description: 'Freeze-dried single-serve sticks for the trail or the office.', attributes: { roast: 'medium', origin: 'Colombia', form: 'instant', feature: 'single-serve', use: 'travel, camping', flavor: 'smooth' } },
  { brand: 'Tierra Verde', name: 'Organic Brazil Santos Whole Bean Coffee, 2 lb', spoken: 'Brazil Santos coffee', price: 27.99, description: 'A low-acid, chocolatey organic roast in a value bag.', attributes: { roast: 'medium', origin: 'Brazil', form: 'whole bean', feature: 'organic, low acid', use: 'drip, espresso', flavor: 'chocolate, peanut' } },
];

const TEA: readonly Entry[] = [
  { brand: 'Jade Garden', name: 'Organic Sencha Green Tea, Loose Leaf, 3 oz', spoken: 'organic sencha', price: 12.0, description: 'A grassy, sweet Japanese green tea, steamed the traditional way.', attributes: { type: 'green', form: 'loose leaf', caffeine: 'medium', feature: 'organic', origin: 'Japan', use: 'hot' } },
  { brand: 'Jade Garden', name: 'Ceremonial Grade Matcha, 1 oz', spoken: 'ceremonial matcha', price: 24.0, description: 'Vivid stone-ground matcha for whisking or lattes.', attributes: { type: 'green', form: 'powder', caffeine: 'high', feature: 'organic', origin: 'Japan', use: 'hot, latte' } },
  { brand: 'Jade Garden', name: 'Jasmine Pearls Green Tea, 2 oz', spoken: 'jasmine pearls', price: 16.0, description: 'Hand-rolled green tea pearls scented with fresh jasmine blossoms.', attributes: { type: 'green', form: 'loose leaf', caffeine: 'medium', feature: 'hand-rolled', origin: 'China', use: 'hot', flavor: 'floral' } },
  { brand: 'Highland Leaf', name: 'Scottish Breakfast Black Tea, 50 Bags', spoken: 'Scottish breakfast tea', price: 9.99, description: 'A malty, robust black tea that stands up to milk.', attributes: { type: 'black', form: 'tea bags', caffeine: 'high', feature: 'robust', use: 'hot, with milk' } },
  { id: 'earl-grey-creme-tea', brand: 'Highland Leaf', name: 'Earl Grey Crème Loose Leaf Tea, 4 oz', spoken: 'Earl Grey crème', price: 11.5, description: 'Black tea with bergamot and a hint of vanilla cream.', attributes: { type: 'black', form: 'loose leaf', caffeine: 'high', feature: 'natural flavors', use: 'hot, latte', flavor: 'bergamot, vanilla' }, stock: 27 },
  { brand: 'Highland Leaf', name: 'Darjeeling First Flush Tea, 3 oz', spoken: 'Darjeeling first flush', price: 18.0, description: 'A delicate, muscatel spring-harvest Darjeeling.', attributes: { type: 'black', form: 'loose leaf', caffeine: 'medium', feature: 'single estate', origin: 'India', use: 'hot' } },
  { brand: 'Moon Valley Teas', name: 'Chamomile Lavender Herbal Tea, 20 Bags', spoken: 'chamomile lavender tea', price: 7.99, description: 'A calming caffeine-free blend for winding down.', attributes: { type: 'herbal', form: 'tea bags', caffeine: 'none', feature: 'caffeine-free, organic', use: 'bedtime', flavor: 'floral' } },
  { brand: 'Moon Valley Teas', name: 'Peppermint Herbal Tea, 20 Bags', spoken: 'peppermint tea', price: 6.99, description: 'Cool, crisp Oregon peppermint leaves.', attributes: { type: 'herbal', form: 'tea bags', caffeine: 'none', feature: 'caffeine-free', use: 'hot, iced', flavor: 'mint' } },
  { id: 'masala-chai-tea', brand: 'Moon Valley Teas', name: 'Masala Chai Loose Leaf Tea, 4 oz', spoken: 'masala chai', price: 10.99, description: 'Assam black tea with cardamom, ginger, cinnamon and clove.', attributes: { type: 'black', form: 'loose leaf', caffeine: 'high', feature: 'whole spices', use: 'hot, latte', flavor: 'spiced' } },
  { brand: 'Highland Leaf', name: 'Assam Gold Black Tea, 4 oz', spoken: 'Assam gold tea', price: 13.49, description: 'A honeyed, full-bodied Assam with golden tips.', attributes: { type: 'black', form: 'loose leaf', caffeine: 'high', feature: 'golden tips', origin: 'India', use: 'hot' } },
  { brand: 'Jade Garden', name: 'Iron Goddess Oolong Tea, 3 oz', spoken: 'Iron Goddess oolong', price: 17.0, description: 'A roasted Tieguanyin oolong with orchid and toasted notes.', attributes: { type: 'oolong', form: 'loose leaf', caffeine: 'medium', feature: 'traditional roast', origin: 'China', use: 'hot' } },
  { brand: 'Moon Valley Teas', name: 'Rooibos Vanilla Herbal Tea, 20 Bags', spoken: 'rooibos vanilla tea', price: 7.49, description: 'Naturally sweet South African rooibos with real vanilla.', attributes: { type: 'herbal', form: 'tea bags', caffeine: 'none', feature: 'caffeine-free', use: 'hot', flavor: 'vanilla' } },
  { brand: 'Moon Valley Teas', name: 'Hibiscus Berry Iced Tea Pitcher Packs, 8 Count', spoken: 'hibiscus iced tea', price: 8.99, description: 'Big pouches that brew a whole pitcher of tart berry iced tea.', attributes: { type: 'herbal', form: 'pitcher packs', caffeine: 'none', feature: 'caffeine-free', use: 'iced', flavor: 'berry, tart' } },
  { brand: 'Highland Leaf', name: 'Organic English Breakfast Tea, 100 Bags', spoken: 'English breakfast tea', price: 14.99, description: 'A classic organic breakfast blend in a pantry-size box.', attributes: { type: 'black', form: 'tea bags', caffeine: 'high', feature: 'organic', use: 'hot, with milk' } },
  { brand: 'Jade Garden', name: 'White Peony White Tea, 2 oz', spoken: 'white peony tea', price: 15.0, description: 'Soft, sweet white tea buds and leaves from Fujian.', attributes: { type: 'white', form: 'loose leaf', caffeine: 'low', feature: 'minimally processed', origin: 'China', use: 'hot' } },
  { brand: 'Moon Valley Teas', name: 'Ginger Turmeric Wellness Tea, 20 Bags', spoken: 'ginger turmeric tea', price: 7.99, description: 'A warming, spicy blend of ginger, turmeric and black pepper.', attributes: { type: 'herbal', form: 'tea bags', caffeine: 'none', feature: 'caffeine-free, organic', use: 'hot', flavor: 'spicy' } },
  { id: 'glass-teapot', brand: 'Highland Leaf', name: 'Glass Teapot with Infuser, 32 oz', spoken: 'glass teapot', price: 29.99, description: 'A heat-proof glass teapot with a removable stainless infuser.', attributes: { color: 'clear', material: 'borosilicate glass, stainless steel', feature: 'removable infuser', use: 'loose leaf tea' } },
  { brand: 'Jade Garden', name: 'Genmaicha Toasted Rice Green Tea, 3 oz', spoken: 'genmaicha', price: 11.0, description: 'Green tea with toasted brown rice for a nutty, comforting cup.', attributes: { type: 'green', form: 'loose leaf', caffeine: 'low', feature: 'toasted rice', origin: 'Japan', use: 'hot', flavor: 'nutty' } },
];

const PET_SUPPLIES: readonly Entry[] = [
  { id: 'salmon-dog-food', brand: 'Happy Tails', name: 'Grain-Free Salmon & Sweet Potato Dog Food, 24 lb', spoken: 'salmon dog food', price: 64.99, description: 'Grain-free dry food with wild-caught salmon as the first ingredient.', attributes: { flavor: 'salmon', feature: 'grain-free', use: 'adult dogs', size: ['24 lb'] }, stock: 22 },
  { brand: 'Happy Tails', name: 'Chicken & Brown Rice Puppy Food, 15 lb', spoken: 'puppy food', price: 42.99, description: 'Balanced puppy nutrition with DHA for healthy development.', attributes: { flavor: 'chicken', feature: 'DHA', use: 'puppies', size: ['15 lb'] } },
  { brand: 'Whisker Works', name: 'Indoor Cat Food, Turkey Recipe, 12 lb', spoken: 'indoor cat food', price: 36.99, description: 'High-protein dry food with fiber for hairball control.', attributes: { flavor: 'turkey', feature: 'hairball control', use: 'indoor cats', size: ['12 lb'] } },
  { brand: 'Whisker Works', name: 'Unscented Clumping Cat Litter, 28 lb', spoken: 'clumping cat litter', price: 21.99, description: 'Low-dust clay litter that clumps hard for easy scooping.', attributes: { material: 'clay', feature: 'unscented, low dust', use: 'cats', size: ['28 lb'] } },
  { brand: 'Pawsome', name: 'Orthopedic Memory Foam Dog Bed, Large', spoken: 'orthopedic dog bed', price: 89.0, description: 'A supportive memory foam bed with a washable cover.', attributes: { color: 'grey, brown', material: 'memory foam, polyester', feature: 'orthopedic, washable cover', use: 'dogs', size: ['L'] } },
  { id: 'reflective-dog-harness', brand: 'Trailhound', name: 'Reflective No-Pull Dog Harness', spoken: 'reflective dog harness', price: 34.95, description: 'A padded no-pull harness with reflective stitching for night walks.', attributes: { color: 'orange, blue', material: 'nylon', feature: 'reflective, no-pull', use: 'walking, hiking', size: DOG_SIZES } },
  { id: 'retractable-dog-leash', brand: 'Trailhound', name: 'Retractable Dog Leash, 16 ft', spoken: 'retractable leash', price: 24.99, description: 'A tangle-free retractable leash with one-button brake.', attributes: { color: 'black, teal', material: 'nylon tape', feature: 'retractable', use: 'walking', size: ['16 ft'] } },
  { brand: 'Trailhound', name: 'Collapsible Travel Water Bowl', spoken: 'travel water bowl', price: 12.99, description: 'A silicone bowl that folds flat and clips to a pack.', attributes: { color: 'green, red', material: 'silicone', feature: 'collapsible', use: 'hiking, travel' } },
  { brand: 'Pawsome', name: 'Squeaky Plush Fox Toy', spoken: 'plush fox toy', price: 11.99, description: 'A soft plush fox with a squeaker and crinkle tail.', attributes: { color: 'orange', material: 'plush', feature: 'squeaker', use: 'play' } },
  { brand: 'Pawsome', name: 'Indestructible Chew Ball', spoken: 'chew ball', price: 14.99, description: 'A tough natural rubber ball for power chewers; it floats too.', attributes: { color: 'blue', material: 'natural rubber', feature: 'durable, floats', use: 'play, fetch' } },
  { brand: 'Whisker Works', name: 'Feather Wand Cat Toy', spoken: 'feather wand', price: 8.49, description: 'A teaser wand with swappable feather lures.', attributes: { color: 'multicolor', material: 'feathers, fiberglass', feature: 'refillable', use: 'play' } },
  { brand: 'Whisker Works', name: 'Sisal Cat Scratching Post, 32"', spoken: 'scratching post', price: 39.99, description: 'A tall, heavy-based sisal post that will not tip over.', attributes: { color: 'beige', material: 'sisal, wood', feature: 'stable base', use: 'cats' } },
  { brand: 'Happy Tails', name: 'Dental Chews, Medium, 30 Count', spoken: 'dental chews', price: 24.99, description: 'Daily chews that fight tartar and freshen breath.', attributes: { flavor: 'mint', feature: 'vet recommended', use: 'medium dogs' } },
  { brand: 'Happy Tails', name: 'Peanut Butter Training Treats, 16 oz', spoken: 'training treats', price: 12.49, description: 'Tiny soft treats made for repeat rewards.', attributes: { flavor: 'peanut butter', feature: 'low calorie', use: 'training' } },
  { brand: 'Pawsome', name: 'Waterproof Dog Raincoat', spoken: 'dog raincoat', price: 29.99, description: 'A hooded waterproof raincoat with reflective trim.', attributes: { color: 'yellow, navy', material: 'polyester', feature: 'waterproof, reflective', use: 'walking', size: DOG_SIZES } },
  { id: 'dog-hiking-pack', brand: 'Trailhound', name: 'Dog Hiking Backpack', spoken: 'dog hiking pack', price: 59.0, description: 'A saddlebag pack so your dog can carry its own water.', attributes: { color: 'red, grey', material: 'nylon', feature: 'reflective, padded', use: 'hiking', size: DOG_SIZES } },
  { brand: 'Whisker Works', name: 'Automatic Pet Water Fountain', spoken: 'pet water fountain', price: 39.0, description: 'A quiet, filtered fountain that keeps water fresh and moving.', attributes: { color: 'white', material: 'BPA-free plastic', feature: 'filtered, quiet', use: 'cats, small dogs' }, stock: 0, restockInDays: null },
  { brand: 'Pawsome', name: 'Calming Donut Cat Bed', spoken: 'donut cat bed', price: 34.0, description: 'A plush round bed with raised rims cats love to curl into.', attributes: { color: 'taupe, pink', material: 'faux fur', feature: 'washable', use: 'cats, small dogs' } },
];

const AUDIO: readonly Entry[] = [
  { id: 'pulse-wireless-earbuds', brand: 'Sonora', name: 'Pulse True Wireless Earbuds', spoken: 'Pulse wireless earbuds', price: 129.0, description: 'Noise-cancelling wireless earbuds with eight hours of battery.', attributes: { color: 'black, white', material: 'plastic', feature: 'wireless, noise-cancelling, water-resistant', use: 'commuting, travel' }, stock: 45 },
  { brand: 'Sonora', name: 'Pulse Sport Wireless Earbuds', spoken: 'Pulse Sport earbuds', price: 99.0, description: 'Sweat-proof earbuds with secure ear hooks for workouts.', attributes: { color: 'black, volt', material: 'silicone', feature: 'wireless, sweat-proof', use: 'running, gym' } },
  { id: 'echofield-studio-headphones', brand: 'Echofield', name: 'Studio Over-Ear Noise-Cancelling Headphones', spoken: 'Echofield Studio headphones', price: 279.0, description: 'Premium over-ear headphones with adaptive noise cancelling.', attributes: { color: 'black, silver', material: 'aluminum, protein leather', feature: 'wireless, noise-cancelling', use: 'travel, music' } },
  { id: 'open-box-studio-headphones', brand: 'Echofield', name: 'Studio Over-Ear Noise-Cancelling Headphones, Open Box', spoken: 'open-box Echofield headphones', price: 189.0, description: 'Inspected open-box Studio headphones with full warranty; final sale.', attributes: { color: 'black', material: 'aluminum, protein leather', feature: 'wireless, noise-cancelling, open box', use: 'travel, music' }, stock: 3, finalSale: true },
  { brand: 'Echofield', name: 'Commuter On-Ear Headphones', spoken: 'Commuter headphones', price: 89.0, description: 'Light, foldable on-ear headphones for the daily commute.', attributes: { color: 'navy, sand', material: 'plastic', feature: 'wireless, foldable', use: 'commuting' } },
  { id: 'boom-speaker', brand: 'Pulse Audio', name: 'Boom Portable Bluetooth Speaker', spoken: 'Boom speaker', price: 79.99, description: 'A rugged, waterproof speaker with 15 hours of play.', attributes: { color: 'black, red, blue', material: 'fabric, rubber', feature: 'wireless, waterproof', use: 'outdoor, beach, camping' } },
  { brand: 'Pulse Audio', name: 'Boom Mini Waterproof Speaker', spoken: 'Boom Mini speaker', price: 49.99, description: 'A pocket-size waterproof speaker with a carabiner loop.', attributes: { color: 'black, teal', material: 'rubber', feature: 'wireless, waterproof', use: 'hiking, shower' } },
  { brand: 'Sonora', name: 'Home Smart Speaker', spoken: 'Sonora Home speaker', price: 199.0, description: 'A room-filling Wi-Fi speaker with voice control.', attributes: { color: 'black, white', material: 'fabric', feature: 'wireless, Wi-Fi, voice control', use: 'home' } },
  { brand: 'Vinyl Road', name: 'Belt-Drive Turntable', spoken: 'belt-drive turntable', price: 249.0, description: 'A two-speed turntable with a built-in phono preamp.', attributes: { color: 'walnut', material: 'wood, aluminum', feature: 'built-in preamp', use: 'home, music' } },
  { brand: 'Vinyl Road', name: 'Powered Bookshelf Speakers, Pair', spoken: 'bookshelf speakers', price: 179.0, description: 'Warm-sounding powered speakers with Bluetooth and phono input.', attributes: { color: 'walnut, black', material: 'wood', feature: 'wireless, powered', use: 'home, music' } },
  { brand: 'Echofield', name: "Kids' Volume-Limited Headphones", spoken: "kids' headphones", price: 29.99, description: 'Bendy, volume-limited headphones that are safe for small ears.', attributes: { color: 'blue, purple', material: 'plastic', feature: 'volume-limited, durable', use: 'kids, travel' } },
  { brand: 'Pulse Audio', name: 'Soundbar with Wireless Subwoofer', spoken: 'soundbar', price: 299.0, description: 'A slim Dolby soundbar with a wireless subwoofer.', attributes: { color: 'black', material: 'metal, fabric', feature: 'wireless subwoofer', use: 'home theater' }, stock: 0, restockInDays: 12 },
  { brand: 'Sonora', name: 'Open-Ear Bone Conduction Headphones', spoken: 'bone conduction headphones', price: 119.0, description: 'Open-ear headphones that keep you aware of traffic.', attributes: { color: 'grey, blue', material: 'titanium', feature: 'wireless, open-ear, sweat-proof', use: 'running, cycling' } },
  { brand: 'Vinyl Road', name: 'Vinyl Record Cleaning Kit', spoken: 'record cleaning kit', price: 24.99, description: 'A carbon fiber brush, velvet pad and cleaning solution.', attributes: { material: 'carbon fiber, velvet', feature: 'anti-static', use: 'record care' } },
  { brand: 'Echofield', name: 'USB-C Wired Earbuds', spoken: 'USB-C earbuds', price: 19.99, description: 'Simple wired earbuds with an in-line mic.', attributes: { color: 'white', material: 'plastic', feature: 'wired, in-line mic', use: 'calls, commuting' } },
  { brand: 'Pulse Audio', name: 'Outdoor Party Speaker', spoken: 'party speaker', price: 349.0, description: 'A big, bassy party speaker with lights and a 20-hour battery.', attributes: { color: 'black', material: 'plastic, metal grille', feature: 'wireless, splash-proof, lights', use: 'parties, outdoor' } },
  { brand: 'Sonora', name: 'Wireless Charging Case for Pulse Earbuds', spoken: 'earbud charging case', price: 39.0, description: 'A spare Qi wireless charging case for Pulse earbuds.', attributes: { color: 'black, white', material: 'plastic', feature: 'wireless charging', use: 'accessory' } },
  { brand: 'Echofield', name: 'Sleep Headband Headphones', spoken: 'sleep headphones', price: 39.99, description: 'A soft headband with flat speakers for side sleepers.', attributes: { color: 'grey', material: 'knit fabric', feature: 'wireless, washable', use: 'sleep, meditation' } },
];

const BAGS: readonly Entry[] = [
  { brand: 'Wayfarer Goods', name: '40L Carry-On Travel Backpack', spoken: 'carry-on travel backpack', price: 159.0, description: 'A clamshell-opening 40 liter pack sized for overhead bins.', attributes: { color: 'black, slate', material: 'recycled nylon', feature: 'water-resistant, laptop sleeve', use: 'travel' } },
  { brand: 'Wayfarer Goods', name: 'Waxed Canvas Weekender Duffel', spoken: 'weekender duffel', price: 145.0, description: 'A roomy waxed canvas duffel with leather handles and a shoe pocket.', attributes: { color: 'olive, brown', material: 'waxed canvas, leather', feature: 'water-resistant', use: 'travel, weekend' } },
  { brand: 'Northpeak', name: 'Summit 28L Hiking Daypack', spoken: 'Summit hiking daypack', price: 89.0, description: 'A ventilated daypack with a hydration sleeve and rain cover.', attributes: { color: 'blue, black', material: 'nylon', feature: 'hydration compatible, rain cover', use: 'hiking' } },
  { id: 'hydration-vest', brand: 'Northpeak', name: 'Trail Running Hydration Vest', spoken: 'hydration vest', price: 109.0, description: 'A bounce-free running vest with two soft flasks.', attributes: { color: 'black, lime', material: 'mesh', feature: 'lightweight, soft flasks', use: 'running, trail running', size: ['S/M', 'L/XL'] }, stock: 12 },
  { brand: 'Metro Carry', name: '15" Laptop Messenger Bag', spoken: 'laptop messenger bag', price: 79.0, description: 'A padded messenger bag for laptops up to 15 inches.', attributes: { color: 'grey, black', material: 'polyester', feature: 'padded laptop sleeve', use: 'commuting, office' } },
  { brand: 'Metro Carry', name: 'Slim Laptop Sleeve, 14"', spoken: 'laptop sleeve', price: 34.0, description: 'A slim felt sleeve that slides into any bag.', attributes: { color: 'charcoal, sand', material: 'wool felt', feature: 'padded', use: 'commuting' } },
  { brand: 'Coastline', name: 'Organic Canvas Market Tote', spoken: 'organic canvas tote', price: 29.0, description: 'A sturdy, washable tote for groceries and the beach.', attributes: { color: 'natural, navy', material: 'organic cotton canvas', feature: 'organic, washable', use: 'shopping, everyday' } },
  { brand: 'Metro Carry', name: 'Anti-Theft Crossbody Bag', spoken: 'anti-theft crossbody', price: 59.0, description: 'A slash-proof crossbody with RFID-blocking pockets.', attributes: { color: 'black, burgundy', material: 'nylon', feature: 'RFID blocking, slash-proof', use: 'travel, city' } },
  { brand: 'Wayfarer Goods', name: 'Hardside Spinner Carry-On Luggage, 22"', spoken: 'hardside carry-on', price: 229.0, description: 'A featherweight polycarbonate carry-on on four spinner wheels.', attributes: { color: 'silver, navy', material: 'polycarbonate', feature: 'spinner wheels, TSA lock', use: 'travel' } },
  { brand: 'Wayfarer Goods', name: 'Packing Cubes, Set of 4', spoken: 'packing cubes', price: 32.0, description: 'Four compression cubes that keep a suitcase tidy.', attributes: { color: 'grey, teal', material: 'ripstop nylon', feature: 'compression', use: 'travel' } },
  { brand: 'Northpeak', name: 'Waterproof Dry Bag, 20L', spoken: 'dry bag', price: 27.99, description: 'A roll-top dry bag that keeps gear dry on the water.', attributes: { color: 'yellow, blue', material: 'PVC-free TPU', feature: 'waterproof, roll-top', use: 'kayaking, camping' } },
  { brand: 'Coastline', name: 'Beach Tote with Cooler Pocket', spoken: 'beach tote', price: 39.0, description: 'A big beach tote with an insulated cooler pocket.', attributes: { color: 'stripe, coral', material: 'canvas', feature: 'insulated pocket', use: 'beach, picnic' } },
  { brand: 'Metro Carry', name: 'Vegan Leather Backpack', spoken: 'vegan leather backpack', price: 98.0, description: 'A minimalist backpack in plant-based leather with a laptop sleeve.', attributes: { color: 'black, cognac', material: 'vegan leather', feature: 'vegan, laptop sleeve', use: 'office, everyday' } },
  { brand: 'Wayfarer Goods', name: 'Hanging Toiletry Kit', spoken: 'hanging toiletry kit', price: 26.0, description: 'A fold-out toiletry kit with a hook and clear pockets.', attributes: { color: 'black, grey', material: 'nylon', feature: 'hanging hook', use: 'travel' } },
  { brand: 'Kestrel Athletics', name: 'Gym Duffel with Shoe Compartment', spoken: 'gym duffel', price: 49.95, description: 'A durable gym bag with a ventilated shoe compartment.', attributes: { color: 'black, red', material: 'polyester', feature: 'ventilated shoe pocket', use: 'gym, sports' } },
  { brand: 'Northpeak', name: 'Hip Pack, 3L', spoken: 'hip pack', price: 36.0, description: 'A roomy hip pack for short hikes and festivals.', attributes: { color: 'black, orange', material: 'recycled polyester', feature: 'lightweight', use: 'hiking, travel' } },
  { brand: 'Coastline', name: "Kids' School Backpack", spoken: "kids' school backpack", price: 44.0, description: 'A padded school backpack with a reflective strip and name tag.', attributes: { color: 'dino green, galaxy purple', material: 'polyester', feature: 'reflective, padded', use: 'school', age: 'kids' } },
  { brand: 'Metro Carry', name: 'Rolling Laptop Briefcase', spoken: 'rolling briefcase', price: 139.0, description: 'A wheeled briefcase with a padded 16 inch laptop compartment.', attributes: { color: 'black', material: 'ballistic nylon', feature: 'wheels, laptop compartment', use: 'business travel' } },
];

const KITCHEN: readonly Entry[] = [
  { id: 'salt-pepper-grinder-set', brand: 'Copperline', name: 'Salt & Pepper Grinder Set', spoken: 'salt and pepper grinder set', price: 34.99, description: 'A pair of adjustable ceramic-burr grinders in brushed steel.', attributes: { color: 'brushed steel', material: 'stainless steel, ceramic', feature: 'adjustable grind', use: 'cooking, table' }, stock: 30 },
  { id: 'cast-iron-skillet-12', brand: 'Ironworks Forge', name: 'Cast Iron Skillet 12"', spoken: 'cast iron skillet', price: 44.99, description: 'A pre-seasoned twelve inch cast iron skillet that will outlive you.', attributes: { color: 'black', material: 'cast iron', feature: 'pre-seasoned, oven safe', use: 'cooking, camping' }, stock: 25 },
  { brand: 'Ironworks Forge', name: 'Enameled Cast Iron Dutch Oven, 6 qt', spoken: 'enameled Dutch oven', price: 89.0, description: 'A heavy enameled Dutch oven for braises, soups and bread.', attributes: { color: 'cherry red, navy', material: 'enameled cast iron', feature: 'oven safe', use: 'cooking, baking' } },
  { brand: 'Kitchen Theory', name: 'Pour-Over Coffee Dripper', spoken: 'pour-over dripper', price: 24.0, description: 'A ceramic cone dripper for clean, bright coffee.', attributes: { color: 'white', material: 'ceramic', feature: 'dishwasher safe', use: 'coffee' } },
  { brand: 'Kitchen Theory', name: 'Gooseneck Electric Kettle', spoken: 'gooseneck kettle', price: 69.0, description: 'A variable-temperature gooseneck kettle for precise pouring.', attributes: { color: 'matte black', material: 'stainless steel', feature: 'temperature control', use: 'coffee, tea' } },
  { brand: 'Copperline', name: 'Tri-Ply Stainless Cookware Set, 10 Piece', spoken: 'stainless cookware set', price: 299.0, description: 'Ten pieces of tri-ply stainless cookware that work on induction.', attributes: { color: 'stainless', material: 'stainless steel, aluminum core', feature: 'induction ready, oven safe', use: 'cooking' } },
  { brand: 'Kitchen Theory', name: 'Conical Burr Coffee Grinder', spoken: 'burr grinder', price: 99.0, description: 'A quiet burr grinder with 40 grind settings.', attributes: { color: 'black, silver', material: 'stainless steel', feature: '40 grind settings', use: 'coffee' } },
  { brand: 'Copperline', name: "Chef's Knife, 8\"", spoken: "chef's knife", price: 79.0, description: 'A forged German steel chef knife with a full tang.', attributes: { material: 'German steel', feature: 'forged, full tang', use: 'cooking' } },
  { brand: 'Hearth & Home', name: 'Bamboo Cutting Board Set', spoken: 'bamboo cutting boards', price: 32.0, description: 'Three nesting bamboo boards with juice grooves.', attributes: { color: 'natural', material: 'bamboo', feature: 'juice grooves', use: 'cooking' } },
  { brand: 'Kitchen Theory', name: 'Glass French Press, 34 oz', spoken: 'French press', price: 34.0, description: 'A classic eight-cup French press with a steel frame.', attributes: { color: 'silver', material: 'borosilicate glass, stainless steel', feature: 'four-level filter', use: 'coffee' } },
  { brand: 'Ironworks Forge', name: 'Cast Iron Grill Pan', spoken: 'grill pan', price: 39.99, description: 'A ridged cast iron pan for grill marks indoors.', attributes: { color: 'black', material: 'cast iron', feature: 'pre-seasoned', use: 'cooking' } },
  { brand: 'Copperline', name: 'Ceramic Nonstick Frying Pan, 10"', spoken: 'nonstick frying pan', price: 42.0, description: 'A PFAS-free ceramic nonstick pan for eggs and fish.', attributes: { color: 'cream, sage', material: 'aluminum, ceramic coating', feature: 'PFAS-free, nonstick', use: 'cooking' } },
  { brand: 'Kitchen Theory', name: 'Digital Kitchen Scale', spoken: 'kitchen scale', price: 24.99, description: 'A slim scale accurate to a tenth of a gram, with a timer.', attributes: { color: 'black', material: 'glass', feature: 'timer, tare', use: 'baking, coffee' } },
  { brand: 'Hearth & Home', name: 'Silicone Baking Mats, Set of 2', spoken: 'silicone baking mats', price: 18.99, description: 'Reusable nonstick mats that replace parchment.', attributes: { material: 'silicone', feature: 'reusable, nonstick', use: 'baking' } },
  { brand: 'Kitchen Theory', name: 'Cold Brew Coffee Maker, 1 Quart', spoken: 'cold brew maker', price: 29.99, description: 'A glass pitcher with a fine mesh filter for cold brew.', attributes: { color: 'clear', material: 'glass, stainless steel', feature: 'fine mesh filter', use: 'coffee, iced tea' } },
  { brand: 'Hearth & Home', name: 'Stonewashed Linen Apron', spoken: 'linen apron', price: 28.0, description: 'A soft linen apron with cross-back straps and a deep pocket.', attributes: { color: 'natural, charcoal', material: 'linen', feature: 'adjustable', use: 'cooking, baking' } },
  { brand: 'Copperline', name: 'Insulated Stainless Water Bottle, 24 oz', spoken: 'insulated water bottle', price: 32.0, description: 'Keeps drinks cold for a day and hot for twelve hours.', attributes: { color: 'black, sky blue, sage', material: 'stainless steel', feature: 'insulated, leakproof', use: 'hiking, travel, gym' } },
  { brand: 'Kitchen Theory', name: 'Glass Meal Prep Containers, Set of 5', spoken: 'meal prep containers', price: 34.99, description: 'Oven-safe glass containers with snap-lock lids.', attributes: { material: 'glass', feature: 'oven safe, leakproof', use: 'meal prep, lunch' } },
];

const HOME: readonly Entry[] = [
  { id: 'linen-sheet-set', brand: 'Linen Lane', name: 'Stonewashed Linen Sheet Set', spoken: 'linen sheet set', price: 189.0, description: 'Breathable, softened French linen sheets that get better with every wash.', attributes: { color: 'white, oat, slate', material: 'linen', feature: 'breathable', use: 'bedroom', size: BED_SIZES } },
  { brand: 'Linen Lane', name: 'Organic Cotton Bath Towels, Set of 4', spoken: 'organic bath towels', price: 79.0, description: 'Plush, absorbent towels in organic Turkish cotton.', attributes: { color: 'white, sage, charcoal', material: 'organic cotton', feature: 'organic, quick-dry', use: 'bathroom' } },
  { brand: 'Glow & Co.', name: 'Cedar & Sage Soy Candle', spoken: 'cedar and sage candle', price: 28.0, description: 'A hand-poured soy candle with a 50-hour burn.', attributes: { color: 'amber', material: 'soy wax, glass', feature: 'vegan, cotton wick', use: 'living room', scent: 'cedar, sage' } },
  { brand: 'Hearthstone', name: 'Chunky Knit Throw Blanket', spoken: 'chunky knit throw', price: 119.0, description: 'An oversized chunky knit throw for the sofa.', attributes: { color: 'cream, blush, grey', material: 'acrylic chenille', feature: 'machine washable', use: 'living room' } },
  { brand: 'Evergreen Living', name: 'Ceramic Planter with Saucer, 8"', spoken: 'ceramic planter', price: 36.0, description: 'A glazed ceramic planter with a drainage hole and saucer.', attributes: { color: 'white, terracotta', material: 'ceramic', feature: 'drainage hole', use: 'plants' } },
  { brand: 'Glow & Co.', name: 'Ultrasonic Essential Oil Diffuser', spoken: 'oil diffuser', price: 42.0, description: 'A quiet wood-grain diffuser with a soft night light.', attributes: { color: 'light wood', material: 'plastic', feature: 'auto shut-off, night light', use: 'bedroom, office' } },
  { brand: 'Hearthstone', name: 'Hand-Tufted Wool Area Rug, 5 x 8 ft', spoken: 'wool area rug', price: 349.0, description: 'A hand-tufted wool rug with a subtle diamond pattern.', attributes: { color: 'ivory, charcoal', material: 'wool', feature: 'hand-tufted', use: 'living room, bedroom', size: ['5 x 8 ft'] } },
  { brand: 'Linen Lane', name: 'Down Alternative Pillow, Standard', spoken: 'down alternative pillow', price: 49.0, description: 'A hypoallergenic pillow with the loft of down.', attributes: { color: 'white', material: 'cotton, microfiber', feature: 'hypoallergenic', use: 'sleep', size: ['standard', 'king'] } },
  { brand: 'Evergreen Living', name: 'Smart LED Bulbs, 4 Pack', spoken: 'smart bulbs', price: 39.99, description: 'Dimmable color smart bulbs that work with voice assistants.', attributes: { material: 'LED', feature: 'wireless, dimmable, voice control', use: 'lighting' } },
  { brand: 'Hearthstone', name: 'Blackout Curtains, 84"', spoken: 'blackout curtains', price: 59.0, description: 'Thermal blackout curtain panels for better sleep.', attributes: { color: 'navy, grey, ivory', material: 'polyester', feature: 'blackout, thermal', use: 'bedroom' } },
  { brand: 'Evergreen Living', name: 'Faux Olive Tree, 6 ft', spoken: 'faux olive tree', price: 129.0, description: 'A realistic potted olive tree that never needs watering.', attributes: { color: 'green', material: 'silk, plastic', feature: 'no maintenance', use: 'living room' } },
  { brand: 'Glow & Co.', name: 'Beeswax Taper Candles, Set of 6', spoken: 'beeswax taper candles', price: 24.0, description: 'Dripless pure beeswax tapers with a warm honey glow.', attributes: { color: 'honey, ivory', material: 'beeswax', feature: 'dripless', use: 'dining' } },
  { brand: 'Linen Lane', name: 'Cooling Weighted Blanket, 15 lb', spoken: 'weighted blanket', price: 139.0, description: 'A breathable weighted blanket with glass bead fill.', attributes: { color: 'grey, navy', material: 'bamboo viscose, glass beads', feature: 'cooling', use: 'sleep' } },
  { brand: 'Hearthstone', name: 'Bamboo Bath Mat', spoken: 'bamboo bath mat', price: 29.0, description: 'A slatted bamboo mat that dries fast and resists mildew.', attributes: { color: 'natural', material: 'bamboo', feature: 'non-slip', use: 'bathroom' } },
  { brand: 'Evergreen Living', name: 'Cordless Stick Vacuum', spoken: 'cordless vacuum', price: 199.0, description: 'A lightweight cordless vacuum with 45 minutes of run time.', attributes: { color: 'graphite', material: 'plastic', feature: 'cordless, HEPA filter', use: 'cleaning' } },
  { brand: 'Hearthstone', name: 'Round Wall Mirror, 24"', spoken: 'round wall mirror', price: 89.0, description: 'A thin-framed round mirror in brushed brass.', attributes: { color: 'brass, black', material: 'metal, glass', feature: 'ready to hang', use: 'entryway, bathroom' } },
  { brand: 'Glow & Co.', name: 'Rechargeable Lantern Lamp', spoken: 'lantern lamp', price: 54.0, description: 'A cordless dimmable lantern for the table or the patio.', attributes: { color: 'black, sage', material: 'metal', feature: 'rechargeable, dimmable', use: 'patio, dining' } },
  { brand: 'Linen Lane', name: 'Waffle Knit Robe', spoken: 'waffle robe', price: 68.0, description: 'A light, absorbent waffle-weave cotton robe.', attributes: { color: 'white, grey', material: 'cotton', feature: 'absorbent', use: 'bathroom, spa', size: ['S/M', 'L/XL'] } },
];

const TOYS: readonly Entry[] = [
  { brand: 'Brightblocks', name: 'Classic Building Bricks, 500 Pieces', spoken: 'classic building bricks', price: 34.99, description: 'A big tub of colorful bricks compatible with major brands.', attributes: { color: 'multicolor', material: 'ABS plastic', feature: 'compatible', use: 'building', age: '4+' } },
  { brand: 'Brightblocks', name: 'Space Station Building Set', spoken: 'space station set', price: 59.99, description: 'Build an orbiting station with two astronauts and a shuttle.', attributes: { color: 'white, blue', material: 'ABS plastic', feature: 'minifigures', use: 'building', age: '8+' } },
  { brand: 'Little Explorer', name: 'Wooden Train Set, 52 Pieces', spoken: 'wooden train set', price: 64.0, description: 'A beech wood train set with a bridge, tunnel and magnetic cars.', attributes: { color: 'natural, multicolor', material: 'beech wood', feature: 'magnetic cars', use: 'pretend play', age: '3+' } },
  { brand: 'Puzzle Forge', name: 'National Parks Jigsaw Puzzle, 1000 Pieces', spoken: 'national parks puzzle', price: 22.0, description: 'A vintage poster collage of America’s national parks.', attributes: { material: 'recycled board', feature: 'thick pieces', use: 'puzzles', age: '12+' } },
  { brand: 'Starlight Toys', name: 'Glow-in-the-Dark Star Projector', spoken: 'star projector', price: 29.99, description: 'Projects a rotating night sky with a gentle sleep timer.', attributes: { color: 'navy', material: 'plastic', feature: 'timer, rechargeable', use: 'bedtime', age: '3+' } },
  { brand: 'Little Explorer', name: "Kids' Binoculars Set", spoken: "kids' binoculars", price: 19.99, description: 'Shockproof binoculars with a compass and whistle.', attributes: { color: 'green', material: 'rubber, plastic', feature: 'shockproof', use: 'hiking, outdoor', age: '4+' } },
  { id: 'trade-winds-board-game', brand: 'Puzzle Forge', name: 'Trade Winds Strategy Board Game', spoken: 'Trade Winds board game', price: 44.0, description: 'A sailing and trading strategy game for two to five players.', attributes: { material: 'cardboard, wood', feature: '2 to 5 players', use: 'game night', age: '10+' } },
  { brand: 'Starlight Toys', name: 'Remote Control Monster Truck', spoken: 'monster truck', price: 49.99, description: 'An all-terrain remote control truck with a rechargeable battery.', attributes: { color: 'red, black', material: 'plastic', feature: 'wireless, rechargeable', use: 'outdoor play', age: '6+' } },
  { brand: 'Little Explorer', name: 'Wooden Stacking Rainbow', spoken: 'stacking rainbow', price: 32.0, description: 'Seven hand-painted arches for stacking and open-ended play.', attributes: { color: 'rainbow', material: 'wood', feature: 'non-toxic paint', use: 'toddler play', age: '1+' } },
  { brand: 'Brightblocks', name: 'Marble Run Builder Kit', spoken: 'marble run', price: 39.99, description: 'An 80-piece marble run with spirals, funnels and a lift.', attributes: { color: 'multicolor', material: 'plastic', feature: '80 pieces', use: 'building, STEM', age: '5+' } },
  { brand: 'Puzzle Forge', name: 'Family Trivia Card Game', spoken: 'family trivia game', price: 19.99, description: 'Five hundred questions with easy cards for kids.', attributes: { material: 'card', feature: '2 to 8 players', use: 'game night', age: '8+' } },
  { brand: 'Starlight Toys', name: 'Plush Sloth, 18"', spoken: 'plush sloth', price: 24.0, description: 'A huggable slow-moving friend with velcro paws.', attributes: { color: 'brown', material: 'plush', feature: 'machine washable', use: 'cuddling', age: '0+' } },
  { brand: 'Little Explorer', name: 'Sand & Water Play Table', spoken: 'sand and water table', price: 89.0, description: 'A two-bin outdoor play table with a lid and scoops.', attributes: { color: 'blue, yellow', material: 'plastic', feature: 'lid included', use: 'outdoor play', age: '2+' }, stock: 0, restockInDays: 6 },
  { id: 'coding-robot', brand: 'Starlight Toys', name: 'Coding Robot for Kids', spoken: 'coding robot', price: 79.0, description: 'A screen-free robot that teaches sequencing with command cards.', attributes: { color: 'white, orange', material: 'plastic', feature: 'screen-free, rechargeable', use: 'STEM', age: '6+' } },
  { id: 'magnetic-tiles', brand: 'Brightblocks', name: 'Magnetic Building Tiles, 60 Pieces', spoken: 'magnetic tiles', price: 54.99, description: 'Translucent magnetic tiles for towers, castles and rockets.', attributes: { color: 'translucent rainbow', material: 'ABS plastic, magnets', feature: 'magnetic', use: 'building, STEM', age: '3+' } },
  { brand: 'Puzzle Forge', name: 'Wooden Brain Teaser Set', spoken: 'brain teaser set', price: 18.0, description: 'Six wooden puzzles from easy to fiendish.', attributes: { material: 'wood', feature: 'six puzzles', use: 'puzzles', age: '10+' } },
  { brand: 'Little Explorer', name: 'Bug Catching Kit', spoken: 'bug catching kit', price: 16.99, description: 'A net, magnifier and critter house for backyard explorers.', attributes: { color: 'green', material: 'plastic, mesh', feature: 'magnifier', use: 'outdoor, nature', age: '4+' } },
  { brand: 'Starlight Toys', name: 'Double-Sided Art Easel', spoken: 'art easel', price: 69.0, description: 'A chalkboard and whiteboard easel with a paper roll.', attributes: { color: 'natural wood', material: 'wood', feature: 'double-sided, paper roll', use: 'art', age: '3+' } },
];

const BEAUTY: readonly Entry[] = [
  { id: 'rose-face-serum', brand: 'Bloom Botanics', name: 'Rose Hydrating Face Serum', spoken: 'rose face serum', price: 38.0, description: 'A hyaluronic acid serum with rosehip for plump, dewy skin.', attributes: { material: 'rosehip, hyaluronic acid', feature: 'vegan, fragrance-free', use: 'face, daily', size: ['1 fl oz'] } },
  { brand: 'Bloom Botanics', name: 'Gentle Foaming Cleanser', spoken: 'foaming cleanser', price: 22.0, description: 'A low-pH cleanser that clears without stripping.', attributes: { feature: 'vegan, sensitive skin', use: 'face, daily', size: ['5 fl oz'] } },
  { id: 'mineral-sunscreen', brand: 'Pure Origin', name: 'Mineral Sunscreen SPF 30', spoken: 'mineral sunscreen', price: 19.0, description: 'A zinc-based sunscreen that rubs in clear and is reef friendly.', attributes: { material: 'zinc oxide', feature: 'reef-safe, water-resistant', use: 'hiking, beach, daily', size: ['3 fl oz'] } },
  { brand: 'Pure Origin', name: 'Unscented Natural Deodorant', spoken: 'natural deodorant', price: 12.0, description: 'An aluminum-free deodorant with arrowroot and coconut oil.', attributes: { feature: 'vegan, aluminum-free, unscented', use: 'daily' } },
  { brand: 'Velvet Grove', name: 'Cherry Velvet Matte Lipstick', spoken: 'cherry matte lipstick', price: 24.0, description: 'A long-wearing, comfortable matte lipstick in deep cherry.', attributes: { color: 'cherry red', feature: 'vegan, long-wearing', use: 'makeup' }, finalSale: true },
  { brand: 'Velvet Grove', name: 'Lengthening Mascara', spoken: 'lengthening mascara', price: 21.0, description: 'A smudge-proof mascara that lengthens without clumps.', attributes: { color: 'black', feature: 'smudge-proof', use: 'makeup' }, finalSale: true },
  { brand: 'Saltwater Skin', name: 'Sea Salt Body Scrub', spoken: 'sea salt scrub', price: 26.0, description: 'A mineral-rich salt scrub with coconut and lime.', attributes: { material: 'sea salt, coconut oil', feature: 'vegan', use: 'body', scent: 'coconut lime' } },
  { brand: 'Saltwater Skin', name: 'Daily Moisturizer SPF 15', spoken: 'daily moisturizer', price: 29.0, description: 'A light, non-greasy moisturizer with broad spectrum SPF.', attributes: { feature: 'SPF 15, oil-free', use: 'face, daily' } },
  { brand: 'Bloom Botanics', name: 'Argan Oil Hair Treatment', spoken: 'argan hair oil', price: 27.0, description: 'Cold-pressed organic argan oil for frizz and shine.', attributes: { material: 'argan oil', feature: 'organic', use: 'hair' } },
  { brand: 'Pure Origin', name: 'Shea Butter Hand Cream', spoken: 'shea hand cream', price: 14.0, description: 'A rich hand cream that absorbs fast and leaves no grease.', attributes: { material: 'shea butter', feature: 'fragrance-free', use: 'hands' } },
  { brand: 'Velvet Grove', name: 'Desert Dusk Eyeshadow Palette', spoken: 'Desert Dusk palette', price: 42.0, description: 'Twelve warm matte and shimmer shades inspired by desert sunsets.', attributes: { color: 'warm neutrals', feature: 'vegan, cruelty-free', use: 'makeup' }, finalSale: true },
  { brand: 'Saltwater Skin', name: 'Vitamin C Brightening Serum', spoken: 'vitamin C serum', price: 34.0, description: 'A stable vitamin C serum that evens tone and adds glow.', attributes: { material: 'vitamin C, ferulic acid', feature: 'vegan', use: 'face, daily' } },
  { brand: 'Bloom Botanics', name: 'Lavender Bath Soak', spoken: 'lavender bath soak', price: 18.0, description: 'Epsom and pink salts with real lavender buds.', attributes: { material: 'epsom salt, lavender', feature: 'organic', use: 'bath', scent: 'lavender' } },
  { brand: 'Pure Origin', name: 'Bamboo Toothbrushes, 4 Pack', spoken: 'bamboo toothbrushes', price: 9.99, description: 'Compostable bamboo toothbrushes with soft bristles.', attributes: { material: 'bamboo', feature: 'compostable, plastic-free', use: 'daily' } },
  { brand: 'Velvet Grove', name: 'Tinted Lip Balm Trio', spoken: 'tinted lip balm trio', price: 16.0, description: 'Three sheer tinted balms with shea and jojoba.', attributes: { color: 'rose, berry, nude', feature: 'vegan', use: 'lips' } },
  { brand: 'Saltwater Skin', name: 'Kaolin Clay Face Mask', spoken: 'clay face mask', price: 24.0, description: 'A purifying clay mask that calms oily skin.', attributes: { material: 'kaolin clay', feature: 'vegan', use: 'face, weekly' } },
  { brand: 'Pure Origin', name: 'Solid Shampoo Bar', spoken: 'shampoo bar', price: 13.0, description: 'A zero-waste shampoo bar that lasts up to eighty washes.', attributes: { feature: 'zero waste, vegan', use: 'hair, travel', scent: 'rosemary mint' } },
  { brand: 'Bloom Botanics', name: 'Travel Skincare Kit', spoken: 'travel skincare kit', price: 36.0, description: 'Carry-on sized cleanser, serum and moisturizer in a zip pouch.', attributes: { feature: 'TSA friendly, vegan', use: 'travel' } },
];

const STORE_BRAND = 'Northwind Outfitters';

const GIFT_CARDS: readonly Entry[] = [
  { brand: STORE_BRAND, name: 'Northwind Outfitters Gift Card, $25', spoken: '25 dollar gift card', price: 25.0, description: 'A physical gift card mailed in a kraft envelope.', attributes: { design: 'classic', feature: 'no expiration', use: 'gift', delivery: 'mail' } },
  { id: 'gift-card-50', brand: STORE_BRAND, name: 'Northwind Outfitters Gift Card, $50', spoken: '50 dollar gift card', price: 50.0, description: 'A physical gift card mailed in a kraft envelope.', attributes: { design: 'classic', feature: 'no expiration', use: 'gift', delivery: 'mail' } },
  { brand: STORE_BRAND, name: 'Northwind Outfitters Gift Card, $100', spoken: '100 dollar gift card', price: 100.0, description: 'A physical gift card mailed in a kraft envelope.', attributes: { design: 'classic', feature: 'no expiration', use: 'gift', delivery: 'mail' } },
  { brand: STORE_BRAND, name: 'Northwind Outfitters Gift Card, $250', spoken: '250 dollar gift card', price: 250.0, description: 'A physical gift card mailed in a kraft envelope.', attributes: { design: 'classic', feature: 'no expiration', use: 'gift', delivery: 'mail' } },
  { brand: STORE_BRAND, name: 'Northwind Outfitters Birthday Gift Card, $50', spoken: 'birthday gift card', price: 50.0, description: 'A gift card in a confetti birthday card.', attributes: { design: 'birthday', feature: 'no expiration', use: 'gift, birthday', delivery: 'mail' } },
  { brand: STORE_BRAND, name: 'Northwind Outfitters Holiday Gift Card, $100', spoken: 'holiday gift card', price: 100.0, description: 'A gift card in a snowy mountain holiday sleeve.', attributes: { design: 'holiday', feature: 'no expiration', use: 'gift, holiday', delivery: 'mail' } },
  { brand: STORE_BRAND, name: 'Northwind Outfitters E-Gift Card, $50', spoken: '50 dollar e-gift card', price: 50.0, description: 'An e-gift card delivered by email within minutes.', attributes: { design: 'classic', feature: 'instant delivery', use: 'gift', delivery: 'email' } },
  { brand: STORE_BRAND, name: 'Northwind Outfitters Thank You Gift Card, $25', spoken: 'thank you gift card', price: 25.0, description: 'A gift card in a hand-lettered thank you card.', attributes: { design: 'thank you', feature: 'no expiration', use: 'gift, thank you', delivery: 'mail' } },
];

const BY_CATEGORY: Readonly<Record<DemoCategory, { readonly skuPrefix: string; readonly entries: readonly Entry[] }>> = {
  shoes: { skuPrefix: 'SHO', entries: SHOES },
  jackets: { skuPrefix: 'JKT', entries: JACKETS },
  apparel: { skuPrefix: 'APP', entries: APPAREL },
  coffee: { skuPrefix: 'COF', entries: COFFEE },
  tea: { skuPrefix: 'TEA', entries: TEA },
  'pet-supplies': { skuPrefix: 'PET', entries: PET_SUPPLIES },
  audio: { skuPrefix: 'AUD', entries: AUDIO },
  bags: { skuPrefix: 'BAG', entries: BAGS },
  kitchen: { skuPrefix: 'KIT', entries: KITCHEN },
  home: { skuPrefix: 'HOM', entries: HOME },
  toys: { skuPrefix: 'TOY', entries: TOYS },
  beauty: { skuPrefix: 'BTY', entries: BEAUTY },
  // Gift cards are final sale, as at most stores.
  'gift-cards': { skuPrefix: 'GFT', entries: GIFT_CARDS.map((entry) => ({ ...entry, finalSale: true })) },
};

function slugOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function splitValues(value: string | readonly string[]): readonly string[] {
  return typeof value === 'string'
    ? value
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part !== '')
    : value;
}

function buildCatalog(): readonly DemoProduct[] {
  const products: DemoProduct[] = [];
  const ids = new Set<string>();
  for (const category of DEMO_CATEGORIES) {
    const { skuPrefix, entries } = BY_CATEGORY[category];
    entries.forEach((entry, index) => {
      const id = entry.id ?? slugOf(entry.name);
      if (ids.has(id)) throw new Error(`Duplicate demo product id: ${id}`);
      ids.add(id);
      const attributes: Record<string, readonly string[]> = {};
      for (const [name, value] of Object.entries(entry.attributes)) attributes[name] = splitValues(value);
      products.push({
        id,
        sku: `${skuPrefix}-${String(1001 + index)}`,
        category,
        brand: entry.brand,
        name: entry.name,
        spokenName: entry.spoken,
        spokenNames: demoSpokenNames(id),
        priceUsd: entry.price,
        description: entry.description,
        attributes,
        ...(entry.stock !== undefined ? { stock: entry.stock } : {}),
        ...(entry.restockInDays !== undefined ? { restockInDays: entry.restockInDays } : {}),
        ...(entry.finalSale ? { finalSale: true } : {}),
      });
    });
  }
  return products;
}

export const DEMO_PRODUCTS: readonly DemoProduct[] = buildCatalog();
