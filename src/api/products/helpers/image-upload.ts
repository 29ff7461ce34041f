import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import multer from "multer"
import { HttpError } from "../../utils/errors"
import { multipartClientError } from "../../utils/multipart-errors"
import {
  ACCEPTED_IMAGE_TYPES,
  detectImageType,
  type ImageType,
} from "../../../utils/catalog/image-type"
import { catalogMediaSettings } from "../../../config/catalog"

/** The multipart field that carries the images. */
export const IMAGE_FIELD = "file"

/** An uploaded image whose type was recognised from its bytes. */
export type ReceivedImage = { type: ImageType; content: Buffer }

/** multer's size and count errors as the contract's statuses. */
function uploadError(error: unknown, maxBytes: number, maxFiles: number): unknown {
  if (!(error instanceof multer.MulterError)) {
    // A truncated or malformed body (busboy's "Unexpected end of form") is the client's.
    return multipartClientError(error) ?? error
  }
  switch (error.code) {
    case "LIMIT_FILE_SIZE":
      return new HttpError(413, "payload_too_large", `An image may not exceed ${maxBytes} bytes`)
    case "LIMIT_FILE_COUNT":
      return new HttpError(413, "payload_too_large", `At most ${maxFiles} images per request`)
    case "LIMIT_UNEXPECTED_FILE":
      return new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Send the images in the multipart field "${IMAGE_FIELD}" (at most ${maxFiles})`
      )
    default:
      return multipartClientError(error) ?? error
  }
}

/**
 * Reads the images of a multipart request (field `file`, one or more) into memory, with
 * the size limit (PRODUCT_IMAGE_MAX_BYTES, 413) enforced while streaming, and recognises
 * each one's type from its magic numbers (415 for anything that is not JPEG, PNG, WebP or
 * GIF, whatever its name or declared content type). Nothing is stored here.
 */
export async function receiveImages(
  req: MedusaRequest,
  res: MedusaResponse
): Promise<ReceivedImage[]> {
  const { imageMaxBytes, maxImagesPerUpload } = catalogMediaSettings()
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: imageMaxBytes, files: maxImagesPerUpload, fields: 0, parts: 20 },
  }).array(IMAGE_FIELD, maxImagesPerUpload)
  await new Promise<void>((resolve, reject) => {
    upload(req, res, (error?: unknown) =>
      error ? reject(uploadError(error, imageMaxBytes, maxImagesPerUpload)) : resolve()
    )
  })
  const files = (req as MedusaRequest & { files?: multer.File[] }).files ?? []
  if (!files.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `No image was sent: use a multipart/form-data body with the field "${IMAGE_FIELD}"`
    )
  }
  return files.map((file, index) => {
    const type = detectImageType(file.buffer)
    if (!type) {
      throw new HttpError(
        415,
        "unsupported_media_type",
        `File ${index + 1} is not an image of an accepted type (${ACCEPTED_IMAGE_TYPES.join(", ")}); the type is read from its content, not its name`
      )
    }
    return { type, content: file.buffer }
  })
}
