import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { defaultCurrencyOf, loadStore } from "../../../queries/catalog/store"

export type ProductDefaults = {
  sales_channel_id: string | null
  location_id: string
  currency_code: string
  /** The store's default shipping profile, so the product can be shipped (null if none). */
  shipping_profile_id: string | null
}

/**
 * Where a product made through the engine goes: the store's default sales channel (so
 * storefronts with the default publishable key see it), its default stock location (or
 * the first location when none is set), its default currency and its default shipping
 * profile. Also checks that a given category exists (404 otherwise). Reads only.
 */
export const resolveProductDefaultsStep = createStep(
  "catalog-resolve-product-defaults",
  async (input: { category_id?: string | null; needs_location: boolean }, { container }) => {
    const store = await loadStore(container)

    if (input.category_id) {
      const productModule = container.resolve(Modules.PRODUCT)
      const [category] = await productModule.listProductCategories(
        { id: input.category_id },
        { select: ["id"], take: 1 }
      )
      if (!category) {
        throw new MedusaError(
          MedusaError.Types.NOT_FOUND,
          `Category ${input.category_id} was not found`
        )
      }
    }

    let locationId = store?.default_location_id ?? null
    if (!locationId && input.needs_location) {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "stock_location",
        fields: ["id"],
        pagination: { take: 1, order: { created_at: "ASC" } },
      })
      locationId = (data[0] as { id: string } | undefined)?.id ?? null
    }
    if (!locationId && input.needs_location) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "The store has no stock location: create one (or run the seed) before adding stock"
      )
    }
    const [profile] = await container
      .resolve(Modules.FULFILLMENT)
      .listShippingProfiles({ type: "default" }, { select: ["id"], take: 1 })
    return new StepResponse<ProductDefaults>({
      sales_channel_id: store?.default_sales_channel_id ?? null,
      location_id: locationId ?? "",
      currency_code: defaultCurrencyOf(store),
      shipping_profile_id: profile?.id ?? null,
    })
  }
)
