import type { MedusaContainer, StoreDTO } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/** The store, with its currencies (Medusa creates one store on first boot). */
export async function loadStore(container: MedusaContainer): Promise<StoreDTO | undefined> {
  const [store] = await container
    .resolve(Modules.STORE)
    .listStores({}, { relations: ["supported_currencies"] })
  return store
}

/** The store's default currency: the catalog's prices are in it. */
export function defaultCurrencyOf(store: StoreDTO | undefined): string {
  const currencies = store?.supported_currencies ?? []
  return (currencies.find((c) => c.is_default) ?? currencies[0])?.currency_code ?? "usd"
}
