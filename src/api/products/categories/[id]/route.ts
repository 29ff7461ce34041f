import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadCategoryView } from "../../../../queries/catalog/category-view"
import { deleteCategoryWorkflow } from "../../../../workflows/catalog/delete-category"
import { updateCategoryWorkflow } from "../../../../workflows/catalog/update-category"
import type { UpdateCategoryBody } from "../validators"

export async function PUT(
  req: MedusaRequest<UpdateCategoryBody>,
  res: MedusaResponse
): Promise<void> {
  await updateCategoryWorkflow(req.scope).run({
    input: { ...req.validatedBody, id: req.params.id },
  })
  res.status(200).json(await loadCategoryView(req.scope, req.params.id))
}

export async function DELETE(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  await deleteCategoryWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.status(204).send()
}
