import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { removeProductImageWorkflow } from "../../../../../workflows/catalog/remove-product-image"

export async function DELETE(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  await removeProductImageWorkflow(req.scope).run({
    input: { product_id: req.params.id, image_id: req.params.image_id },
  })
  res.status(204).send()
}
