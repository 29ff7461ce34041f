import { InMemoryLockingProvider } from "@medusajs/locking/dist/providers/in-memory"
import { lockOrder } from "../../utils/locking/lock-order"

/**
 * Medusa's in-memory locking provider (one process, no REDIS_URL), taking several keys in
 * one order (utils/locking/lock-order.ts). Medusa's takes them in the order it is given and
 * keeps those it got while it waits for the next: the engine's checkout names an order's
 * inventory items sorted, Medusa's reservation steps (an order's cancellation, a
 * fulfilment) name them in the order's line order, so a cancellation and a checkout of the
 * same two products could each hold one and wait for the other until both gave up.
 */
export default class OrderedInMemoryLockingProvider extends InMemoryLockingProvider {
  static override identifier = "in-memory-ordered"

  override async acquire_(
    keys: string | string[],
    args?: Parameters<InMemoryLockingProvider["acquire_"]>[1],
    cancellationToken?: { cancelled: boolean }
  ): Promise<void> {
    for (const key of lockOrder(keys)) {
      // A given-up wait resolves without the key; execute hands back what was taken.
      if (cancellationToken?.cancelled) {
        return
      }
      await super.acquire_(key, args, cancellationToken)
    }
  }
}
