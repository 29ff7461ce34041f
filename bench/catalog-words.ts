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

/** A small seeded generator (mulberry32): the same run asks the same things. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function pick<T>(random: () => number, of: readonly T[]): T {
  return of[Math.floor(random() * of.length)]
}

/** Every single word of the synthetic catalog's names and categories, lower-cased. */
export const SEARCH_WORDS = [
  ...new Set(
    [...ADJECTIVES, ...BENCH_CATEGORIES.flatMap((c) => [c.name, ...c.nouns])]
      .flatMap((text) => text.toLowerCase().split(" "))
      .filter((word) => word.length >= 3)
  ),
]

/** One edit (drop, swap, replace or double a letter) somewhere after the first letter. */
export function typo(random: () => number, word: string): string {
  const i = 1 + Math.floor(random() * (word.length - 2))
  const letter = "abcdefghijklmnopqrstuvwxyz"[Math.floor(random() * 26)]
  switch (Math.floor(random() * 4)) {
    case 0:
      return word.slice(0, i) + word.slice(i + 1)
    case 1:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)
    case 2:
      return word.slice(0, i) + letter + word.slice(i + 1)
    default:
      return word.slice(0, i) + word[i] + word.slice(i)
  }
}

/**
 * A random search: one word (60 %) or two, from the catalog's words; 30 % of searches
 * carry a typo (words of 5+ letters: shorter ones are too ambiguous to correct).
 */
export function randomSearch(random: () => number): { q: string; typo: boolean } {
  const words = [pick(random, SEARCH_WORDS)]
  if (random() >= 0.6) {
    words.push(pick(random, SEARCH_WORDS))
  }
  const withTypo = random() < 0.3
  if (withTypo) {
    let at = words.findIndex((word) => word.length >= 5)
    if (at < 0) {
      at = 0
      words[0] = pick(
        random,
        SEARCH_WORDS.filter((word) => word.length >= 5)
      )
    }
    words[at] = typo(random, words[at])
  }
  return { q: words.join(" "), typo: withTypo }
}
