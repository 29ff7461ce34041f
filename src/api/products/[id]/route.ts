import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { actorOf } from "../../utils/auth"
import { sendCatalogAnswer } from "../../utils/http-cache"
import { readProduct } from "../../../queries/catalog/read"
import { deleteCatalogProductWorkflow } from "../../../workflows/catalog/delete-catalog-product"
import { updateCatalogProductWorkflow } from "../../../workflows/catalog/update-catalog-product"
import type { ProductQuery, UpdateProductBody } from "../validators"

export async function GET(
  req: MedusaRequest<unknown, ProductQuery>,
  res: MedusaResponse
): Promise<void> {
  const asAdmin = actorOf(req)?.role === "admin"
  const { fields } = req.validatedQuery
  sendCatalogAnswer(req, res, await readProduct(req.scope, req.params.id, asAdmin, fields))
}

export async function PUT(
  req: MedusaRequest<UpdateProductBody>,
  res: MedusaResponse
): Promise<void> {
  await updateCatalogProductWorkflow(req.scope).run({
    input: { ...req.validatedBody, id: req.params.id },
  })
  res.type("application/json").send((await readProduct(req.scope, req.params.id, true)).body)
}

export async function DELETE(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  await deleteCatalogProductWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.status(204).send()
}
