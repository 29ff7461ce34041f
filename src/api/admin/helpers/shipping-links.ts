import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
  MiddlewareRoute,
} from "@medusajs/framework/http"
import type { Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { invalidateShippingOptionsWorkflow } from "../../../workflows/order/invalidate-shipping-options"

/**
 * Medusa's stock-location routes change what checkout's cached shipping-option listing is
 * made of without any event: a location's address (the provider's origin), its sales
 * channels (`POST /admin/stock-locations/{id}/sales-channels`), its fulfillment sets and
 * providers, its deletion. When such a request succeeds, the listing is invalidated before
 * the answer leaves, so the dashboard's next checkout already sees the change.
 */
function invalidateBeforeAnswering(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
): void {
  const answer = res.json.bind(res)
  res.json = (body?: unknown) => {
    if (res.statusCode >= 300) {
      return answer(body)
    }
    invalidateShippingOptionsWorkflow(req.scope)
      .run()
      .catch((error: Error) =>
        req.scope
          .resolve<Logger>(ContainerRegistrationKeys.LOGGER)
          .error(`shipping: could not invalidate the shipping-option listing: ${error.message}`)
      )
      .finally(() => answer(body))
    return res
  }
  next()
}

export const shippingLinkMiddlewares: MiddlewareRoute = {
  matcher: "/admin/stock-locations*",
  methods: ["POST", "DELETE"],
  middlewares: [invalidateBeforeAnswering],
}
