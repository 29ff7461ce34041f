import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import { PLATFORM_MODULE } from "../../../modules/platform"
import type PlatformModuleService from "../../../modules/platform/service"
import type { CatalogCacheEffect } from "../../../utils/catalog/cache-effect"

function platform(container: MedusaContainer): PlatformModuleService {
  return container.resolve<PlatformModuleService>(PLATFORM_MODULE)
}

/** Applies a catalog write's effect on the cached answers (utils/catalog/cache-effect.ts). */
export async function applyCatalogCacheEffect(
  container: MedusaContainer,
  effect: CatalogCacheEffect
): Promise<void> {
  if (effect.kind === "catalog") {
    await platform(container).invalidateCatalogCache()
  } else if (effect.kind === "products") {
    await platform(container).markCatalogProducts(effect.product_ids)
  }
}

/**
 * Makes the next catalog reads show what the write before it changed: every answer when
 * lists, filters or totals may differ, only the answers showing the products whose stock
 * alone moved otherwise, none when nothing a reader sees changed. Compensation starts a new
 * catalog generation: the rows the failed workflow wrote have been put back (or are about
 * to be), and a read in between may have cached them.
 */
export const refreshCatalogCacheStep = createStep(
  "catalog-refresh-cache",
  async (effect: CatalogCacheEffect, { container }) => {
    await applyCatalogCacheEffect(container, effect)
    return new StepResponse(undefined, effect.kind !== "none")
  },
  async (applied, { container }) => {
    if (applied) {
      await platform(container).invalidateCatalogCache()
    }
  }
)
