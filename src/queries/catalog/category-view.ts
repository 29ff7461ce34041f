import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"

/** A category as the admin routes return it. */
export const categoryView = z.object({
  id: z.string(),
  name: z.string(),
  handle: z.string(),
  description: z.string().nullable(),
  parent_id: z.string().nullable(),
  rank: z.number(),
  is_active: z.boolean(),
  is_internal: z.boolean(),
  created_at: z.string(),
  updated_at: z.string(),
})

export type CategoryView = z.infer<typeof categoryView>

/** One category for the admin routes' answers; 404 when unknown or deleted. */
export async function loadCategoryView(
  container: MedusaContainer,
  id: string
): Promise<CategoryView> {
  const [category] = await container.resolve(Modules.PRODUCT).listProductCategories(
    { id },
    {
      select: [
        "id",
        "name",
        "handle",
        "description",
        "parent_category_id",
        "rank",
        "is_active",
        "is_internal",
        "created_at",
        "updated_at",
      ],
      take: 1,
    }
  )
  if (!category) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Category with id ${id} was not found`)
  }
  return {
    id: category.id,
    name: category.name,
    handle: category.handle,
    description: category.description || null,
    parent_id: category.parent_category_id ?? null,
    rank: category.rank,
    is_active: category.is_active,
    is_internal: category.is_internal,
    created_at: new Date(category.created_at).toISOString(),
    updated_at: new Date(category.updated_at).toISOString(),
  }
}
