/**
 * Sparse field sets (`fields=id,name,price`): a phone asks only for what it shows. The
 * projection runs once per cache entry (the projected answer is cached under its own key,
 * docs/HTTP-CACHING.md), so parsing the full answer here is not a per-request cost.
 */

/** The longest `fields` value accepted: every product field named once fits easily. */
export const MAX_FIELDS_LENGTH = 500

/** The field every projection keeps: clients need it to link a card to its detail. */
const ALWAYS = "id"

export type FieldSetParse = { fields: string[]; unknown: string[] }

/**
 * Comma-separated names (spaces around them ignored), in the canonical order of `allowed`
 * whatever order they were given in (one cache entry per set), `id` always included.
 * `unknown` lists names that are not fields (an empty name included, as `""`).
 */
export function parseFieldSet(raw: string, allowed: readonly string[]): FieldSetParse {
  const asked = new Set(raw.split(",").map((name) => name.trim()))
  const unknown = [...asked].filter((name) => !allowed.includes(name))
  asked.add(ALWAYS)
  return { fields: allowed.filter((name) => asked.has(name)), unknown }
}

function pick(view: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {}
  for (const field of fields) {
    if (field in view) {
      picked[field] = view[field]
    }
  }
  return picked
}

/** One rendered product, projected. */
export function projectProduct(json: string, fields: readonly string[]): string {
  return JSON.stringify(pick(JSON.parse(json) as Record<string, unknown>, fields))
}

/** A rendered page `{items, …}`: each item projected, the rest of the envelope kept as is. */
export function projectPage(json: string, fields: readonly string[]): string {
  const page = JSON.parse(json) as { items: Record<string, unknown>[] }
  return JSON.stringify({ ...page, items: page.items.map((item) => pick(item, fields)) })
}
