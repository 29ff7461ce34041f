import { z } from "@medusajs/framework/zod"

export const DEFAULT_LIMIT = 20
export const MAX_LIMIT = 100

/**
 * `limit` (default 20; above 100 silently clamped to 100) and `offset` (default 0).
 * Spread into a route's query schema: `z.object({ ...paginationShape, q: ... })`.
 */
export const paginationShape = {
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .transform((limit) => Math.min(limit ?? DEFAULT_LIMIT, MAX_LIMIT)),
  offset: z.coerce.number().int().min(0).optional().default(0),
}

export const paginationQuery = z.object(paginationShape)

export type Page = { limit: number; offset: number }

export type ListEnvelope<T> = { items: T[]; count: number; limit: number; offset: number }

export function listEnvelope<T>(items: T[], count: number, page: Page): ListEnvelope<T> {
  return { items, count, limit: page.limit, offset: page.offset }
}

/** The response schema of a list of `item`, for the OpenAPI document. */
export function listSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    count: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  })
}
