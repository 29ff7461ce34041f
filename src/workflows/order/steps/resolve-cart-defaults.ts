import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { defaultCurrencyOf, loadStore } from "../../../queries/catalog/store"

export type CartDefaults = { region_id: string; sales_channel_id: string | null }

/**
 * Where a customer's cart lives: the store's default region (else the first region in the
 * store's currency, else any) and default sales channel. A store without any region cannot
 * sell: that is a 409 telling the operator what is missing. Reads only.
 */
export const resolveCartDefaultsStep = createStep(
  "order-resolve-cart-defaults",
  async (_input: Record<string, never>, { container }) => {
    const store = await loadStore(container)
    let regionId = store?.default_region_id ?? null
    if (!regionId) {
      const regions = await container
        .resolve(Modules.REGION)
        .listRegions({}, { select: ["id", "currency_code"], order: { created_at: "ASC" } })
      const currency = defaultCurrencyOf(store)
      regionId = (regions.find((r) => r.currency_code === currency) ?? regions[0])?.id ?? null
    }
    if (!regionId) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        "The store has no region to sell in: create one in the dashboard or run the seed"
      )
    }
    return new StepResponse<CartDefaults>({
      region_id: regionId,
      sales_channel_id: store?.default_sales_channel_id ?? null,
    })
  }
)
