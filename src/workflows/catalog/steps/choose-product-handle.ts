import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, Modules, toHandle } from "@medusajs/framework/utils"
import { randomBytes } from "node:crypto"

/**
 * A free URL handle: the one asked for (409 when taken) or, for a new product, one made
 * from the name with a short random suffix when another product already uses it (names
 * need not be unique). An update without a handle keeps the current one (undefined).
 * Reads only.
 */
export const chooseProductHandleStep = createStep(
  "catalog-choose-handle",
  async (input: { name?: string; handle?: string; product_id?: string }, { container }) => {
    const productModule = container.resolve(Modules.PRODUCT)
    const taken = async (handle: string) => {
      const [other] = await productModule.listProducts({ handle }, { select: ["id"], take: 1 })
      return Boolean(other && other.id !== input.product_id)
    }
    if (input.handle) {
      if (await taken(input.handle)) {
        throw new MedusaError(
          MedusaError.Types.CONFLICT,
          `Another product already uses the handle "${input.handle}"`
        )
      }
      return new StepResponse<string | undefined>(input.handle)
    }
    if (input.product_id) {
      return new StepResponse<string | undefined>(undefined)
    }
    const base = toHandle(input.name ?? "")
    const handle = (await taken(base)) ? `${base}-${randomBytes(3).toString("hex")}` : base
    return new StepResponse<string | undefined>(handle)
  }
)
