import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createRegionsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  updateRegionsWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { DEMO_PUBLISHABLE_KEY_TITLE } from "./demo-settings"
import { orderSettings } from "../../config/order"

type Container = ExecArgs["container"]

export const STORE_CURRENCY = "usd"
export const REGIONS = [
  { name: "United States", currency_code: "usd", countries: ["us", "ca"] },
  { name: "Europe", currency_code: "eur", countries: ["gb", "de", "fr", "es", "it", "nl", "se"] },
]

export type StoreContext = { storeId: string; salesChannelId: string }

/** Store currencies, regions with tax regions, and the storefront's publishable key. */
export async function seedStore(container: Container): Promise<StoreContext> {
  const storeModule = container.resolve(Modules.STORE)
  const regionModule = container.resolve(Modules.REGION)
  const taxModule = container.resolve(Modules.TAX)
  const apiKeyModule = container.resolve(Modules.API_KEY)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)

  // Medusa creates the store and its default sales channel on first boot.
  const [store] = await storeModule.listStores({}, { relations: ["supported_currencies"] })
  const salesChannelId = store.default_sales_channel_id as string

  const currencies = (store.supported_currencies ?? []).map((c) => c.currency_code)
  const wanted = REGIONS.map((r) => r.currency_code)
  if (wanted.some((code) => !currencies.includes(code))) {
    await updateStoresWorkflow(container).run({
      input: {
        selector: { id: store.id },
        update: {
          supported_currencies: wanted.map((code) => ({
            currency_code: code,
            is_default: code === STORE_CURRENCY,
          })),
        },
      },
    })
    logger.info(`seed: store currencies ${wanted.join(", ")}`)
  }

  const existingRegions = await regionModule.listRegions({
    name: { $in: REGIONS.map((r) => r.name) },
  })
  const missingRegions = REGIONS.filter((r) => !existingRegions.some((e) => e.name === r.name))
  if (missingRegions.length) {
    await createRegionsWorkflow(container).run({
      input: {
        regions: missingRegions.map((r) => ({
          ...r,
          // Only the configured provider: with Stripe, the system provider (which accepts
          // any order without payment) must not be offered to storefronts.
          payment_providers: [orderSettings().paymentProviderId],
        })),
      },
    })
    logger.info(`seed: regions ${missingRegions.map((r) => r.name).join(", ")}`)
  }
  await offerConfiguredPaymentProvider(
    container,
    existingRegions.map((region) => region.id)
  )

  const countries = REGIONS.flatMap((r) => r.countries)
  const taxed = await taxModule.listTaxRegions({ country_code: countries })
  const untaxed = countries.filter(
    (code) => !taxed.some((t) => t.country_code === code && !t.parent_id)
  )
  if (untaxed.length) {
    await createTaxRegionsWorkflow(container).run({
      input: untaxed.map((country_code) => ({ country_code, provider_id: "tp_system" })),
    })
  }

  const [key] = await apiKeyModule.listApiKeys({
    title: DEMO_PUBLISHABLE_KEY_TITLE,
    type: "publishable",
  })
  if (!key) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: {
        api_keys: [{ title: DEMO_PUBLISHABLE_KEY_TITLE, type: "publishable", created_by: "" }],
      },
    })
    await linkSalesChannelsToApiKeyWorkflow(container).run({
      input: { id: result[0].id, add: [salesChannelId] },
    })
    logger.info("seed: publishable API key")
  }

  return { storeId: store.id, salesChannelId }
}

/**
 * Regions seeded before the payment provider changed (Stripe configured later) are moved
 * to the configured one, so checkout can open its payments there.
 */
async function offerConfiguredPaymentProvider(
  container: Container,
  regionIds: string[]
): Promise<void> {
  if (!regionIds.length) {
    return
  }
  const providerId = orderSettings().paymentProviderId
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "region",
    fields: ["id", "name", "payment_providers.id"],
    filters: { id: regionIds },
  })
  const regions = data as { id: string; name: string; payment_providers?: { id: string }[] }[]
  const stale = regions.filter(
    (region) =>
      (region.payment_providers ?? []).map((provider) => provider.id).join() !== providerId
  )
  for (const region of stale) {
    await updateRegionsWorkflow(container).run({
      input: { selector: { id: region.id }, update: { payment_providers: [providerId] } },
    })
  }
  if (stale.length) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`seed: regions ${stale.map((r) => r.name).join(", ")} now offer ${providerId}`)
  }
}
