import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { randomUUID } from "node:crypto"
import { detectImageType } from "../../../utils/catalog/image-type"

export type CheckImageFilesInput = {
  product_id: string
  /** File contents, base64. */
  files: { content: string }[]
}

export type ImageFileToUpload = {
  filename: string
  mimeType: string
  content: string
  access: "public"
}

/**
 * Recognises each file's type from its bytes (again: the workflow may be run without the
 * route) and gives it a generated name under `products/<product id>/`; the client's file
 * name is never used. Reads only, so nothing to compensate.
 */
export const checkImageFilesStep = createStep(
  "catalog-image-check-files",
  async (input: CheckImageFilesInput) => {
    if (!input.files.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "No image to add")
    }
    const files = input.files.map((file, index): ImageFileToUpload => {
      const type = detectImageType(Buffer.from(file.content, "base64"))
      if (!type) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `File ${index + 1} is not a JPEG, PNG, WebP or GIF image`
        )
      }
      return {
        filename: `products/${input.product_id}/${randomUUID()}.${type.extension}`,
        mimeType: type.mime,
        content: file.content,
        access: "public",
      }
    })
    return new StepResponse(files)
  }
)
