import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
  MiddlewareRoute,
} from "@medusajs/framework/http"
import type { IEventBusModuleService, Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { CatalogEvents, type SyncRequestedData } from "../../../modules/catalog/events"

function idsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === "string") : []
}

/**
 * Medusa's `POST /admin/product-categories/{id}/products` (the dashboard's "add products
 * to category") links products through the product module without emitting any event, so
 * the catalog read model (category filters, the category tree's counts) would never hear
 * of it. Once it has succeeded, the products it added or removed are re-synced.
 */
function resyncLinkedProducts(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
): void {
  const body = (req.body ?? {}) as { add?: unknown; remove?: unknown }
  const productIds = [...new Set([...idsOf(body.add), ...idsOf(body.remove)])]
  if (productIds.length) {
    res.on("finish", () => {
      if (res.statusCode >= 300) {
        return
      }
      const data: SyncRequestedData = { product_ids: productIds }
      req.scope
        .resolve<IEventBusModuleService>(Modules.EVENT_BUS)
        .emit({ name: CatalogEvents.SYNC_REQUESTED, data })
        .catch((error: Error) =>
          req.scope
            .resolve<Logger>(ContainerRegistrationKeys.LOGGER)
            .error(`catalog: could not request a sync after a category link: ${error.message}`)
        )
    })
  }
  next()
}

export const categoryLinkMiddlewares: MiddlewareRoute = {
  matcher: "/admin/product-categories/:id/products",
  methods: ["POST"],
  middlewares: [resyncLinkedProducts],
}
