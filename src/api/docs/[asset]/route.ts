import path from "node:path"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { getAbsoluteFSPath } from "swagger-ui-dist"
import { SWAGGER_ASSETS } from "./validators"

const ONE_DAY_SECONDS = 86_400

export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const asset = req.params.asset
  // Only names from the list: the parameter never reaches the file system otherwise.
  if (!SWAGGER_ASSETS.includes(asset)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No documentation file ${asset}`)
  }
  res.setHeader("Cache-Control", `public, max-age=${ONE_DAY_SECONDS}`)
  res.sendFile(path.join(getAbsoluteFSPath(), asset))
}
