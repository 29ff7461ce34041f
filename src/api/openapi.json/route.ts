import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { buildOpenApiDocument, type OpenApiDocument } from "../utils/openapi"
import { contractRoutes } from "../contracts"

let document: OpenApiDocument | undefined

export async function GET(_req: MedusaRequest, res: MedusaResponse): Promise<void> {
  document ??= buildOpenApiDocument(contractRoutes, {
    title: "Commerce engine API",
    version: process.env.npm_package_version ?? "0.1.0",
  })
  res.status(200).json(document)
}
