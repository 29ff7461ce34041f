import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"

/**
 * Ids of the products (any status) in a category or any category below it: the ones
 * whose catalog entry shows the category. Reads only.
 */
export const listCategoryProductIdsStep = createStep(
  "catalog-category-list-product-ids",
  async (input: { category_id: string }, { container }) => {
    const products = container.resolve(Modules.PRODUCT)
    const categories = await products.listProductCategories(
      {},
      { select: ["id", "parent_category_id"] }
    )
    const childrenOf = new Map<string, string[]>()
    for (const category of categories) {
      if (category.parent_category_id) {
        const siblings = childrenOf.get(category.parent_category_id) ?? []
        siblings.push(category.id)
        childrenOf.set(category.parent_category_id, siblings)
      }
    }
    const ids = new Set<string>([input.category_id])
    const queue = [input.category_id]
    while (queue.length) {
      for (const child of childrenOf.get(queue.shift() as string) ?? []) {
        if (!ids.has(child)) {
          ids.add(child)
          queue.push(child)
        }
      }
    }
    const members = await products.listProducts(
      { categories: { id: [...ids] } },
      { select: ["id"] }
    )
    return new StepResponse(members.map((product) => product.id))
  }
)
