import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, Modules } from "@medusajs/framework/utils"

export type ProductImageRecord = {
  id: string
  url: string
  rank: number
  /** `file_id`: the file module's id of a file uploaded through POST /products/{id}/images. */
  metadata: Record<string, unknown> | null
}

export type ProductImages = {
  id: string
  thumbnail: string | null
  images: ProductImageRecord[]
}

export type LoadProductImagesInput = {
  product_id: string
  /** When given, it must be one of the product's images (404 otherwise). */
  image_id?: string
}

/** A product's images in rank order; unknown or deleted products are a 404. Reads only. */
export const loadProductImagesStep = createStep(
  "catalog-image-load-product",
  async (input: LoadProductImagesInput, { container }) => {
    const products = container.resolve(Modules.PRODUCT)
    const [product] = await products.listProducts(
      { id: input.product_id },
      { select: ["id", "thumbnail"], relations: ["images"], take: 1 }
    )
    if (!product) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Product with id ${input.product_id} was not found`
      )
    }
    const images = (product.images ?? [])
      .map((image) => ({
        id: image.id,
        url: image.url,
        rank: image.rank ?? 0,
        metadata: (image.metadata as Record<string, unknown> | null | undefined) ?? null,
      }))
      .sort((a, b) => a.rank - b.rank)
    if (input.image_id && !images.some((image) => image.id === input.image_id)) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Image with id ${input.image_id} was not found on product ${input.product_id}`
      )
    }
    return new StepResponse<ProductImages>({
      id: product.id,
      thumbnail: product.thumbnail ?? null,
      images,
    })
  }
)
