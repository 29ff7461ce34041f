import { z } from "@medusajs/framework/zod"
import { paginationShape } from "../../utils/pagination"
import { MAX_CURSOR_LENGTH, MAX_OFFSET } from "../../utils/catalog/cursor"
import { catalogProductView } from "../../modules/catalog/view"
import { MAX_FIELDS_LENGTH, parseFieldSet } from "../../utils/catalog/sparse-fields"

const DECIMAL = /^\d{1,12}(\.\d{1,2})?$/

/** Money in: a decimal string ("19.99") or a JSON number with at most two decimals. */
export const money = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim())
  .refine((value) => DECIMAL.test(value), {
    message: 'A non-negative amount with at most two decimals, e.g. "19.99"',
  })

const moneyQuery = z
  .string()
  .regex(DECIMAL, 'A non-negative amount with at most two decimals, e.g. "19.99"')

const currencyCode = z
  .string()
  .regex(/^[A-Za-z]{3}$/, "An ISO 4217 code such as usd")
  .transform((code) => code.toLowerCase())

/** A URL handle (products and categories): lower-case words joined by single hyphens. */
export const handleSchema = z
  .string()
  .trim()
  .max(200)
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    "Lower-case letters, digits and single hyphens, e.g. mens-shoes"
  )

const tag = z.string().trim().min(1).max(64)
const id = z.string().trim().min(1).max(100)
const flag = z.enum(["true", "false"]).transform((value) => value === "true")

const productFields = {
  name: z.string().trim().min(1).max(255),
  handle: handleSchema,
  description: z.string().max(10_000).nullable(),
  price: money,
  currency_code: currencyCode,
  category_id: id.nullable(),
  tags: z.array(tag).max(50),
  stock_quantity: z.number().int().min(0).max(1_000_000_000),
  is_active: z.boolean(),
}

export const createProductBody = z.object({
  name: productFields.name,
  handle: productFields.handle.optional(),
  description: productFields.description.optional(),
  price: productFields.price,
  currency_code: productFields.currency_code.optional(),
  category_id: productFields.category_id.optional(),
  tags: productFields.tags.optional(),
  stock_quantity: productFields.stock_quantity.optional(),
  is_active: productFields.is_active.optional(),
})

export const updateProductBody = z
  .object({
    name: productFields.name.optional(),
    handle: productFields.handle.optional(),
    description: productFields.description.optional(),
    price: productFields.price.optional(),
    currency_code: productFields.currency_code.optional(),
    category_id: productFields.category_id.optional(),
    tags: productFields.tags.optional(),
    is_active: productFields.is_active.optional(),
    stock_quantity: productFields.stock_quantity.optional(),
    stock_adjustment: z.number().int().min(-1_000_000_000).max(1_000_000_000).optional(),
  })
  .refine((body) => !(body.stock_quantity !== undefined && body.stock_adjustment !== undefined), {
    message: "Send stock_quantity (a new level) or stock_adjustment (a change), not both",
    path: ["stock_adjustment"],
  })
  .refine((body) => body.currency_code === undefined || body.price !== undefined, {
    message: "currency_code names the currency of `price`; send it with a price",
    path: ["currency_code"],
  })

/** The fields a product answer has, in the order it has them. */
export const PRODUCT_FIELDS = Object.keys(catalogProductView.shape)

/**
 * `fields=id,name,price`: a sparse field set (docs/HTTP-CACHING.md). Parsed into the
 * canonical order of PRODUCT_FIELDS with `id` always kept; an unknown name is a 400.
 */
const fieldSet = z
  .string()
  .min(1)
  .max(MAX_FIELDS_LENGTH)
  .describe(
    `Comma-separated product fields to return (\`id\` is always returned): ${PRODUCT_FIELDS.join(", ")}`
  )
  .superRefine((raw, ctx) => {
    const { unknown } = parseFieldSet(raw, PRODUCT_FIELDS)
    if (unknown.length) {
      ctx.addIssue({
        code: "custom",
        message: `Unknown field${unknown.length > 1 ? "s" : ""}: ${unknown
          .map((name) => JSON.stringify(name))
          .join(", ")
          .slice(0, 200)}. Known: ${PRODUCT_FIELDS.join(", ")}`,
      })
    }
  })
  .transform((raw) => parseFieldSet(raw, PRODUCT_FIELDS).fields)

/** GET /products/{id}. */
export const productQuery = z.object({ fields: fieldSet.optional() })

const filterShape = {
  category_id: id.optional(),
  tag: tag.optional(),
  min_price: moneyQuery.optional(),
  max_price: moneyQuery.optional(),
  in_stock: flag.optional(),
}

function pricesInOrder(query: { min_price?: string; max_price?: string }): boolean {
  return (
    query.min_price === undefined ||
    query.max_price === undefined ||
    Number(query.min_price) <= Number(query.max_price)
  )
}

const priceOrder = {
  message: "min_price must not be above max_price",
  path: ["min_price"],
}

export const LIST_SORTS = ["newest", "price_asc", "price_desc", "name", "rating"] as const

/** Catalog pages: `offset` bounded (deep pages cost a walk), `cursor` for the next page. */
const catalogPageShape = {
  ...paginationShape,
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .max(MAX_OFFSET, `offset is at most ${MAX_OFFSET}; page further with next_cursor (cursor=)`)
    .optional()
    .default(0),
  cursor: z
    .string()
    .min(1)
    .max(MAX_CURSOR_LENGTH)
    .optional()
    .describe("next_cursor of the previous page (same sort); the page after its last product"),
}

function cursorOrOffset(query: { cursor?: string; offset: number }): boolean {
  return query.cursor === undefined || query.offset === 0
}

const cursorOrOffsetMessage = { message: "Send cursor or offset, not both", path: ["offset"] }

export const listProductsQuery = z
  .object({
    ...catalogPageShape,
    ...filterShape,
    q: z.string().trim().min(1).max(200).optional(),
    sort: z.enum(LIST_SORTS).optional(),
    /** Admins only: also list inactive (draft) products. */
    include_inactive: flag.optional(),
    fields: fieldSet.optional(),
  })
  .refine(pricesInOrder, priceOrder)
  .refine(cursorOrOffset, cursorOrOffsetMessage)

export const searchProductsQuery = z
  .object({
    ...catalogPageShape,
    ...filterShape,
    q: z.string().trim().min(1).max(200),
    sort: z.enum(["relevance", ...LIST_SORTS]).optional(),
    fields: fieldSet.optional(),
  })
  .refine(pricesInOrder, priceOrder)
  .refine(cursorOrOffset, cursorOrOffsetMessage)

export type CreateProductBody = z.infer<typeof createProductBody>
export type UpdateProductBody = z.infer<typeof updateProductBody>
export type ListProductsQuery = z.infer<typeof listProductsQuery>
export type SearchProductsQuery = z.infer<typeof searchProductsQuery>
export type ProductQuery = z.infer<typeof productQuery>

/** What list and search answers add to the common list envelope. */
export const catalogPageFields = {
  count_capped: z
    .boolean()
    .describe("true: more products match than `count` says (counting stops at a cap)"),
  next_cursor: z
    .string()
    .nullable()
    .describe("Pass as `cursor` (same sort) for the next page; null on the last page"),
}

export const searchFacets = z.object({
  categories: z.array(z.object({ category_id: z.string(), count: z.number().int() })),
  price_ranges: z.array(
    z.object({ min: z.string(), max: z.string().nullable(), count: z.number().int() })
  ),
})
