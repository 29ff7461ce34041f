import { z } from "@medusajs/framework/zod"
import { productImageView } from "../../../../queries/catalog/product-images"

export const productImagesResponse = z.object({ images: z.array(productImageView) })

/** The multipart body, for the documentation: the middleware does not parse multipart. */
export const uploadImagesBody = z.object({
  file: z
    .array(z.file())
    .min(1)
    .describe("One or more image files (JPEG, PNG, WebP or GIF), recognised from their bytes"),
})
