import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"

/** A category as the admin routes return it. */
export type CategoryView = {
  id: string
  name: string
  handle: string
  description: string | null
  parent_id: string | null
  rank: number
  is_active: boolean
  is_internal: boolean
  created_at: string
  updated_at: string
}

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
