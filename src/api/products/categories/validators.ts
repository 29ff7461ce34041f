import { z } from "@medusajs/framework/zod"
import { handleSchema } from "../validators"

const name = z.string().trim().min(1).max(200)
const handle = handleSchema
const description = z.string().trim().max(2000).nullable()
const parentId = z.string().trim().min(1).max(100).nullable()
const rank = z.number().int().min(0).max(100_000)

export const createCategoryBody = z.object({
  name,
  handle: handle.optional(),
  description: description.optional(),
  parent_id: parentId.optional(),
  is_active: z.boolean().optional(),
  is_internal: z.boolean().optional(),
  rank: rank.optional(),
})

export const updateCategoryBody = z
  .object({
    name: name.optional(),
    handle: handle.optional(),
    description: description.optional(),
    parent_id: parentId.optional(),
    is_active: z.boolean().optional(),
    is_internal: z.boolean().optional(),
    rank: rank.optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: "Send at least one field to change",
  })

const categoryNode = z.object({
  id: z.string(),
  name: z.string(),
  handle: z.string(),
  description: z.string().nullable(),
  parent_id: z.string().nullable(),
  rank: z.number(),
  product_count: z
    .number()
    .describe("Published, not deleted products in the category or any category below it"),
  is_active: z.boolean().optional().describe("Admins only"),
  is_internal: z.boolean().optional().describe("Admins only"),
  children: z
    .array(z.record(z.string(), z.unknown()))
    .describe("Child categories, each of this same shape, by rank"),
})

export const categoryTree = z.object({ categories: z.array(categoryNode) })

export type CreateCategoryBody = z.infer<typeof createCategoryBody>
export type UpdateCategoryBody = z.infer<typeof updateCategoryBody>
