import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ANALYTICS_MODULE } from "../../../modules/analytics"
import type AnalyticsModuleService from "../../../modules/analytics/service"
import type { OrderFactInput } from "../../../utils/analytics/order-fact"
import { inRollupLane } from "../../../utils/analytics/rollup-lane"

type Undo = { previous: OrderFactInput[]; added: string[] }

/**
 * Writes the facts and recomputes the rollup hours they touch. Undone by writing back
 * the facts these orders had before (and removing those that had none).
 */
export const writeOrderFactsStep = createStep(
  "analytics-write-order-facts",
  async (facts: OrderFactInput[], { container }) => {
    const analytics = container.resolve<AnalyticsModuleService>(ANALYTICS_MODULE)
    // Read and written in the lane, so no other write of this process lands in between.
    return inRollupLane(() => writeFacts(analytics, facts))
  },
  async (undo: Undo | undefined, { container }) => {
    if (!undo) {
      return
    }
    const analytics = container.resolve<AnalyticsModuleService>(ANALYTICS_MODULE)
    await inRollupLane(async () => {
      await analytics.removeOrderFacts(undo.added)
      await analytics.writeOrderFacts(undo.previous)
    })
  }
)

/** Reads the facts these orders have (what compensation puts back), then writes the new ones. */
async function writeFacts(analytics: AnalyticsModuleService, facts: OrderFactInput[]) {
  const orderIds = facts.map((fact) => fact.order_id)
  const existing = orderIds.length
    ? await analytics.listAnalyticsOrderFacts({ order_id: orderIds }, { take: orderIds.length })
    : []
  const previous: OrderFactInput[] = existing.map((row) => ({
    order_id: row.order_id,
    customer_id: row.customer_id,
    currency_code: row.currency_code,
    placed_at: new Date(row.placed_at).toISOString(),
    status: row.status,
    total: String(row.total),
    refunded: String(row.refunded),
    units: row.units,
    // model.json() is typed as an object; this column holds the array the fact was written with.
    lines: row.lines as unknown as OrderFactInput["lines"],
  }))
  const known = new Set(previous.map((fact) => fact.order_id))
  await analytics.writeOrderFacts(facts)
  return new StepResponse(facts.length, {
    previous,
    added: orderIds.filter((id) => !known.has(id)),
  } satisfies Undo)
}
