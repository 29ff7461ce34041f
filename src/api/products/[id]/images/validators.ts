import { z } from "@medusajs/framework/zod"

export const productImageView = z.object({ id: z.string(), url: z.string() })

export const productImagesResponse = z.object({ images: z.array(productImageView) })

/** The multipart body, for the documentation: the middleware does not parse multipart. */
export const uploadImagesBody = z.object({
  file: z
    .array(z.file())
    .min(1)
    .describe("One or more image files (JPEG, PNG, WebP or GIF), recognised from their bytes"),
})
