/** Word lists shared by the catalog benchmarks (seed, HTTP, 100k search). */

export const ADJECTIVES = [
  "Wireless",
  "Ergonomic",
  "Bamboo",
  "Compact",
  "Portable",
  "Vintage",
  "Smart",
  "Leather",
  "Stainless",
  "Organic",
  "Foldable",
  "Waterproof",
  "Mechanical",
  "Ceramic",
  "Rechargeable",
  "Minimalist",
]

/** Category handle → name and the nouns of its products. */
export const BENCH_CATEGORIES = [
  {
    handle: "bench-computer-accessories",
    name: "Computer Accessories",
    nouns: ["Mouse", "Keyboard", "Monitor Stand", "USB Hub", "Webcam", "Mouse Pad"],
  },
  {
    handle: "bench-audio",
    name: "Audio",
    nouns: ["Headphones", "Speaker", "Earbuds", "Microphone", "Soundbar"],
  },
  {
    handle: "bench-home",
    name: "Home",
    nouns: ["Lamp", "Mug", "Pillow", "Blanket", "Vase", "Cutting Board"],
  },
  {
    handle: "bench-office",
    name: "Office",
    nouns: ["Notebook", "Pen", "Desk Organizer", "Stapler", "Backpack"],
  },
  {
    handle: "bench-outdoors",
    name: "Outdoors",
    nouns: ["Tent", "Water Bottle", "Jacket", "Hiking Boots", "Lantern"],
  },
]

export const TAGS = ["bench-new", "bench-sale", "bench-bestseller", "bench-eco", "bench-gift"]

/** Misspelt queries: every word is one or two edits from a catalog word. */
export const TYPO_QUERIES = [
  "wireles mouse",
  "ergonmic keybord",
  "bambo lamp",
  "portible speakr",
  "vintge mug",
  "stainles water botle",
  "mechanicl keyboard",
  "rechargable lantern",
  "foldabel tent",
  "leathr backpack",
  "smrt headphones",
  "ceramc vase",
]
