import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { readCatalogPage } from "../../../queries/catalog/read"
import { sendCatalogAnswer } from "../../utils/http-cache"
import { catalogPageQuery } from "../helpers/catalog-page"
import type { SearchProductsQuery } from "../validators"

/** Ranked, typo-tolerant search with the list's filters and facet counts. */
export async function GET(
  req: MedusaRequest<unknown, SearchProductsQuery>,
  res: MedusaResponse
): Promise<void> {
  const { fields, ...query } = req.validatedQuery
  const answer = await readCatalogPage(
    req.scope,
    { ...catalogPageQuery(query, query.sort ?? "relevance"), facets: true },
    fields
  )
  sendCatalogAnswer(req, res, answer)
}
