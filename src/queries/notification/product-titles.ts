import type { MedusaContainer } from "@medusajs/framework/types"
import { queryGraph } from "../graph"

/** Product titles by id (deleted products are left out); callers pass a bounded list. */
export async function productTitles(
  container: MedusaContainer,
  productIds: string[]
): Promise<Map<string, string>> {
  if (!productIds.length) {
    return new Map()
  }
  const { data } = await queryGraph<{ id: string; title: string }>(container, {
    entity: "product",
    fields: ["id", "title"],
    filters: { id: productIds },
  })
  return new Map(data.map((product) => [product.id, product.title]))
}
