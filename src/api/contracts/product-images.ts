import type { ContractRoute } from "../utils/contract"
import { productImagesResponse, uploadImagesBody } from "../products/[id]/images/validators"

const tags = ["Products"]

/** Product images: uploaded through Medusa's file module, type checked from the bytes. */
export const productImagesContract: ContractRoute[] = [
  {
    method: "POST",
    path: "/products/:id/images",
    summary:
      "Upload images (multipart field `file`, one or more): JPEG, PNG, WebP or GIF recognised from the bytes, at most PRODUCT_IMAGE_MAX_BYTES each. Remote URLs are not accepted.",
    tags,
    access: "admin",
    body: uploadImagesBody,
    bodyTypes: ["multipart"],
    responses: {
      201: { description: "All the product's images", schema: productImagesResponse },
      400: { description: "No file, or a field other than `file`" },
      404: { description: "Unknown or deleted product" },
      413: { description: "An image is larger than PRODUCT_IMAGE_MAX_BYTES, or too many files" },
      415: { description: "Not multipart, or a file that is not a JPEG, PNG, WebP or GIF" },
    },
  },
  {
    method: "DELETE",
    path: "/products/:id/images/:image_id",
    summary: "Remove one image from a product (and its stored file when uploaded here)",
    tags,
    access: "admin",
    responses: {
      204: { description: "Removed" },
      404: { description: "Unknown product, or an image that is not the product's" },
    },
  },
]
