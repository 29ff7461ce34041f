import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { receiveImages } from "../../helpers/image-upload"
import { loadProductImageViews } from "../../../../queries/catalog/product-images"
import { addProductImagesWorkflow } from "../../../../workflows/catalog/add-product-images"

export async function POST(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const images = await receiveImages(req, res)
  await addProductImagesWorkflow(req.scope).run({
    input: {
      product_id: req.params.id,
      files: images.map((image) => ({ content: image.content.toString("base64") })),
    },
  })
  res.status(201).json({ images: await loadProductImageViews(req.scope, req.params.id) })
}
