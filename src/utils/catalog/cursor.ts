import { z } from "@medusajs/framework/zod"

/**
 * Keyset (cursor) pagination of catalog lists and searches. A cursor is the sort key of the
 * last product of a page (each sort ends with the product id, so the key is unique), as
 * base64url JSON `{"s": sort, "k": [key values as text]}`. It is opaque to clients but not
 * signed: every value is checked against the sort's key types here and travels to SQL as a
 * bound parameter, so a forged cursor can only name another position in a list the caller
 * may read anyway. Malformed cursors are refused (400) before any SQL runs.
 */

/** How each sort's key values look as text (what SQL sends out and casts back). */
export type CursorKeyType = "micros" | "numeric" | "text" | "real" | "int" | "bool"

export const CURSOR_KEY_TYPES = {
  newest: ["micros", "text"],
  price_asc: ["numeric", "text"],
  price_desc: ["numeric", "text"],
  name: ["text", "text"],
  rating: ["real", "int", "text"],
  relevance: ["bool", "real", "text"],
} as const satisfies Record<string, readonly CursorKeyType[]>

export type CursorSort = keyof typeof CURSOR_KEY_TYPES

/** Deepest `offset` accepted on catalog lists and searches; deeper pages take the cursor. */
export const MAX_OFFSET = 1_000

/** Longest cursor accepted (a name of 255 four-byte characters and an id fit). */
export const MAX_CURSOR_LENGTH = 2048

const INT32_MAX = 2_147_483_647

// Text may be anything PostgreSQL can store (no NUL) up to a name's worst case.
const keyText = z
  .string()
  .max(1100)
  .refine((value) => !value.includes("\u0000"))

const KEY_SCHEMAS: Record<CursorKeyType, z.ZodType<string>> = {
  micros: z.string().regex(/^-?\d{1,17}$/),
  numeric: z.string().regex(/^-?\d{1,16}(\.\d{1,20})?$/),
  text: keyText,
  real: z
    .string()
    .max(40)
    .regex(/^-?\d+(\.\d+)?(e[+-]?\d+)?$/)
    .refine((value) => Number.isFinite(Number(value))),
  int: z
    .string()
    .regex(/^-?\d{1,10}$/)
    .refine((value) => Math.abs(Number(value)) <= INT32_MAX),
  bool: z.enum(["true", "false"]),
}

const payload = z.object({ s: z.string(), k: z.array(z.unknown()) }).strict()

export function encodeCursor(sort: CursorSort, keys: readonly string[]): string {
  return Buffer.from(JSON.stringify({ s: sort, k: keys }), "utf8").toString("base64url")
}

/**
 * The key values of `cursor` for `sort`, or a message saying why it cannot be used
 * (malformed, tampered with, or made for another sort).
 */
export function decodeCursor(
  cursor: string,
  sort: CursorSort
): { keys: string[] } | { error: string } {
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) {
    return { error: "cursor is not one this API issued" }
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"))
  } catch {
    return { error: "cursor is not one this API issued" }
  }
  const outer = payload.safeParse(parsed)
  if (!outer.success) {
    return { error: "cursor is not one this API issued" }
  }
  if (outer.data.s !== sort) {
    return { error: "cursor was issued for another sort; ask again without it" }
  }
  const types = CURSOR_KEY_TYPES[sort]
  const keys = z
    .tuple(types.map((type) => KEY_SCHEMAS[type]) as [z.ZodType<string>, ...z.ZodType<string>[]])
    .safeParse(outer.data.k)
  if (!keys.success) {
    return { error: "cursor is not one this API issued" }
  }
  return { keys: keys.data }
}
