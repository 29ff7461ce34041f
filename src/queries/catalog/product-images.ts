import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"

export const productImageView = z.object({ id: z.string(), url: z.string() })

export type ProductImageView = z.infer<typeof productImageView>

/** A product's images in rank order, as the contract shows them; 404 for unknown products. */
export async function loadProductImageViews(
  container: MedusaContainer,
  productId: string
): Promise<ProductImageView[]> {
  const [product] = await container
    .resolve(Modules.PRODUCT)
    .listProducts({ id: productId }, { select: ["id"], relations: ["images"], take: 1 })
  if (!product) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product with id ${productId} was not found`)
  }
  return [...(product.images ?? [])]
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
    .map((image) => ({ id: image.id, url: image.url }))
}
