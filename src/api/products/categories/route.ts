import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { actorOf } from "../../utils/auth"
import { sendCatalogAnswer } from "../../utils/http-cache"
import { loadCategoryTree } from "../../../queries/catalog/category-tree"
import { loadCategoryView } from "../../../queries/catalog/category-view"
import { createCategoryWorkflow } from "../../../workflows/catalog/create-category"
import type { CreateCategoryBody } from "./validators"

export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const includeHidden = actorOf(req)?.role === "admin"
  sendCatalogAnswer(req, res, await loadCategoryTree(req.scope, { includeHidden }))
}

export async function POST(
  req: MedusaRequest<CreateCategoryBody>,
  res: MedusaResponse
): Promise<void> {
  const { result } = await createCategoryWorkflow(req.scope).run({ input: req.validatedBody })
  res.status(201).json(await loadCategoryView(req.scope, result.id))
}
