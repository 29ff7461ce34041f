/** The demo catalog: a two-level category tree, tags and 50 products. */

export type DemoCategory = { handle: string; name: string; parent?: string }

export const DEMO_CATEGORIES: DemoCategory[] = [
  { handle: "electronics", name: "Electronics" },
  { handle: "audio", name: "Audio", parent: "electronics" },
  { handle: "computers", name: "Computers", parent: "electronics" },
  { handle: "computer-accessories", name: "Computer Accessories", parent: "electronics" },
  { handle: "apparel", name: "Apparel" },
  { handle: "mens", name: "Men", parent: "apparel" },
  { handle: "womens", name: "Women", parent: "apparel" },
  { handle: "shoes", name: "Shoes", parent: "apparel" },
  { handle: "home-kitchen", name: "Home & Kitchen" },
  { handle: "kitchen", name: "Kitchen", parent: "home-kitchen" },
  { handle: "decor", name: "Decor", parent: "home-kitchen" },
  { handle: "sports-outdoors", name: "Sports & Outdoors" },
  { handle: "fitness", name: "Fitness", parent: "sports-outdoors" },
  { handle: "camping", name: "Camping", parent: "sports-outdoors" },
]

export const DEMO_TAGS = ["new", "sale", "bestseller", "eco", "gift"]

export type DemoProduct = {
  name: string
  category: string
  /** Price in USD (EUR is derived), major units. */
  price: number
  stock: number
  tags: string[]
  description: string
}

// [name, category, price, stock, tags, description]
type Row = [string, string, number, number, string[], string]

const ROWS: Row[] = [
  [
    "Wireless Mouse",
    "computer-accessories",
    24.99,
    120,
    ["bestseller"],
    "Ergonomic 2.4 GHz wireless mouse with silent clicks and a 12-month battery.",
  ],
  [
    "Mechanical Keyboard",
    "computer-accessories",
    89.0,
    60,
    ["new"],
    "Hot-swappable mechanical keyboard with tactile switches and PBT keycaps.",
  ],
  [
    "USB-C Hub",
    "computer-accessories",
    39.5,
    150,
    ["gift"],
    "Seven-in-one USB-C hub with HDMI 4K, card reader and 100 W pass-through.",
  ],
  [
    "Laptop Stand",
    "computer-accessories",
    45.0,
    80,
    ["eco"],
    "Adjustable aluminium laptop stand that folds flat for travel.",
  ],
  [
    "Webcam HD",
    "computer-accessories",
    59.99,
    70,
    [],
    "1080p webcam with dual microphones and automatic light correction.",
  ],
  [
    "Noise Cancelling Headphones",
    "audio",
    199.0,
    40,
    ["bestseller"],
    "Over-ear wireless headphones with adaptive noise cancelling and 30 h battery.",
  ],
  [
    "Wireless Earbuds",
    "audio",
    79.99,
    110,
    ["sale"],
    "True wireless earbuds with charging case and water resistance.",
  ],
  [
    "Bluetooth Speaker",
    "audio",
    49.0,
    90,
    ["gift"],
    "Portable waterproof speaker with rich bass and 12 h playtime.",
  ],
  [
    "Studio Microphone",
    "audio",
    129.0,
    25,
    [],
    "Cardioid USB condenser microphone for podcasts and streaming.",
  ],
  [
    "Turntable",
    "audio",
    249.0,
    15,
    ["new"],
    "Belt-drive turntable with built-in preamp and USB output.",
  ],
  [
    "Ultrabook 14",
    "computers",
    1199.0,
    12,
    ["new"],
    "Fourteen-inch ultrabook with all-day battery and a bright 2.8K display.",
  ],
  [
    "Gaming Laptop 16",
    "computers",
    1799.0,
    8,
    [],
    "Sixteen-inch gaming laptop with a 240 Hz screen and dedicated graphics.",
  ],
  [
    "Mini Desktop PC",
    "computers",
    649.0,
    20,
    ["eco"],
    "Compact desktop computer that sips power and mounts behind a monitor.",
  ],
  [
    "27-inch Monitor",
    "computers",
    329.0,
    30,
    ["sale"],
    "27-inch QHD IPS monitor with USB-C power delivery.",
  ],
  [
    "External SSD 1TB",
    "computers",
    109.0,
    100,
    ["bestseller"],
    "Pocket-sized 1 TB solid-state drive with 1,000 MB/s transfers.",
  ],
  [
    "Classic Crew T-Shirt",
    "mens",
    19.99,
    200,
    ["eco"],
    "Organic cotton crew-neck t-shirt in a relaxed fit.",
  ],
  ["Slim Fit Chinos", "mens", 59.0, 75, [], "Stretch cotton chinos with a tapered leg."],
  [
    "Merino Sweater",
    "mens",
    89.0,
    45,
    ["gift"],
    "Fine merino wool sweater that keeps warm without bulk.",
  ],
  ["Denim Jacket", "mens", 99.0, 35, ["new"], "Rigid denim jacket that softens with every wear."],
  ["Rain Shell", "mens", 139.0, 28, [], "Packable waterproof shell with taped seams."],
  [
    "Linen Shirt",
    "womens",
    49.0,
    65,
    ["eco"],
    "Breathable linen shirt with mother-of-pearl buttons.",
  ],
  ["Wrap Dress", "womens", 79.0, 40, ["new"], "Flowing wrap dress in a soft viscose blend."],
  [
    "High-Rise Jeans",
    "womens",
    69.0,
    85,
    ["bestseller"],
    "High-rise straight jeans in stretch denim.",
  ],
  ["Cashmere Scarf", "womens", 59.0, 50, ["gift"], "Pure cashmere scarf, brushed for softness."],
  ["Puffer Vest", "womens", 89.0, 30, ["sale"], "Lightweight insulated vest with recycled fill."],
  [
    "Running Shoes",
    "shoes",
    119.0,
    60,
    ["bestseller"],
    "Cushioned running shoes with a breathable knit upper.",
  ],
  ["Leather Sneakers", "shoes", 99.0, 55, [], "Minimal leather sneakers with a cupsole."],
  [
    "Hiking Boots",
    "shoes",
    159.0,
    25,
    ["new"],
    "Waterproof hiking boots with grippy lugged soles.",
  ],
  ["Canvas Slip-Ons", "shoes", 45.0, 90, ["sale"], "Easy canvas slip-ons for warm days."],
  [
    "Chef's Knife",
    "kitchen",
    69.0,
    40,
    ["gift"],
    "Eight-inch forged steel chef's knife with a full tang.",
  ],
  [
    "Cast Iron Skillet",
    "kitchen",
    39.0,
    70,
    ["bestseller"],
    "Pre-seasoned 10-inch cast iron skillet.",
  ],
  [
    "Pour-Over Coffee Set",
    "kitchen",
    34.99,
    65,
    ["gift"],
    "Glass dripper, carafe and filters for a clean cup.",
  ],
  ["Electric Kettle", "kitchen", 49.99, 55, [], "Variable-temperature kettle with keep-warm mode."],
  [
    "Bamboo Cutting Board",
    "kitchen",
    24.0,
    120,
    ["eco"],
    "Sustainable bamboo board with a juice groove.",
  ],
  ["Stand Mixer", "kitchen", 299.0, 10, ["new"], "Five-litre stand mixer with three attachments."],
  ["Ceramic Vase", "decor", 29.0, 60, ["gift"], "Hand-glazed ceramic vase in matte white."],
  [
    "Linen Throw Pillow",
    "decor",
    22.0,
    100,
    ["eco"],
    "Stonewashed linen cushion cover with a feather insert.",
  ],
  ["Wall Clock", "decor", 35.0, 45, [], "Silent-sweep wall clock with an oak frame."],
  ["Scented Candle", "decor", 18.0, 150, ["sale"], "Soy wax candle with cedar and bergamot notes."],
  ["Table Lamp", "decor", 64.0, 35, ["new"], "Dimmable table lamp with a linen shade."],
  ["Yoga Mat", "fitness", 39.0, 110, ["eco"], "Non-slip natural rubber yoga mat, 5 mm."],
  [
    "Adjustable Dumbbells",
    "fitness",
    249.0,
    15,
    ["bestseller"],
    "Pair of dumbbells adjustable from 2 to 24 kg.",
  ],
  ["Resistance Bands", "fitness", 19.0, 180, ["sale"], "Set of five latex-free resistance bands."],
  ["Jump Rope", "fitness", 14.0, 140, [], "Speed jump rope with ball-bearing handles."],
  ["Foam Roller", "fitness", 29.0, 75, [], "High-density foam roller for recovery."],
  [
    "Two-Person Tent",
    "camping",
    189.0,
    20,
    ["new"],
    "Freestanding backpacking tent that weighs under 2 kg.",
  ],
  ["Sleeping Bag", "camping", 129.0, 30, [], "Three-season down sleeping bag rated to -5 °C."],
  ["Camping Stove", "camping", 59.0, 40, ["gift"], "Compact gas stove with piezo ignition."],
  [
    "Headlamp",
    "camping",
    29.0,
    95,
    ["bestseller"],
    "Rechargeable 400-lumen headlamp with red light.",
  ],
  [
    "Insulated Water Bottle",
    "camping",
    32.0,
    160,
    ["eco"],
    "Vacuum-insulated steel bottle, keeps drinks cold for 24 h.",
  ],
]

export const DEMO_PRODUCTS: DemoProduct[] = ROWS.map(
  ([name, category, price, stock, tags, description]) => ({
    name,
    category,
    price,
    stock,
    tags,
    description,
  })
)

export function handleOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
}

/** EUR price derived from USD, rounded to cents. */
export function eurPrice(usd: number): number {
  return Math.round(usd * 0.92 * 100) / 100
}

export function imageUrlFor(handle: string): string {
  return `https://picsum.photos/seed/${handle}/800/800`
}
