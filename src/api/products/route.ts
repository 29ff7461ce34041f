import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { actorOf } from "../utils/auth"
import { sendCatalogAnswer } from "../utils/http-cache"
import { catalogPageQuery } from "./helpers/catalog-page"
import { readCatalogPage, readProduct } from "../../queries/catalog/read"
import { createCatalogProductWorkflow } from "../../workflows/catalog/create-catalog-product"
import type { CreateProductBody, ListProductsQuery } from "./validators"

export async function GET(
  req: MedusaRequest<unknown, ListProductsQuery>,
  res: MedusaResponse
): Promise<void> {
  const { include_inactive, fields, ...query } = req.validatedQuery
  if (include_inactive && actorOf(req)?.role !== "admin") {
    throw new MedusaError(MedusaError.Types.FORBIDDEN, "Only admins may list inactive products")
  }
  const answer = await readCatalogPage(
    req.scope,
    {
      ...catalogPageQuery(query, query.sort ?? (query.q ? "relevance" : "newest")),
      include_inactive: include_inactive ?? false,
    },
    fields
  )
  sendCatalogAnswer(req, res, answer)
}

export async function POST(
  req: MedusaRequest<CreateProductBody>,
  res: MedusaResponse
): Promise<void> {
  const { result } = await createCatalogProductWorkflow(req.scope).run({ input: req.validatedBody })
  res
    .status(201)
    .type("application/json")
    .send((await readProduct(req.scope, result.product_id, true)).body)
}
