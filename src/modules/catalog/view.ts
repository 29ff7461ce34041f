import { z } from "@medusajs/framework/zod"

/** A product as the API returns it: the `view` column, served as stored (responses; OpenAPI). */
export const catalogProductView = z.object({
  id: z.string(),
  name: z.string(),
  handle: z.string(),
  description: z.string().nullable(),
  price: z.string().nullable().describe('Decimal string in major units, e.g. "19.99"'),
  currency_code: z.string().nullable(),
  category_id: z.string().nullable(),
  category: z.object({ id: z.string(), name: z.string(), handle: z.string() }).nullable(),
  tags: z.array(z.string()),
  images: z.array(z.object({ id: z.string(), url: z.string() })),
  stock_quantity: z.number().int().nullable().describe("Units available (stocked − reserved)"),
  in_stock: z.boolean(),
  is_active: z.boolean(),
  rating_average: z.number().nullable(),
  review_count: z.number().int(),
  created_at: z.string(),
  updated_at: z.string(),
})

export type CatalogProductView = z.infer<typeof catalogProductView>
