import { TransactionOrchestrator } from "@medusajs/framework/orchestration"
import { createParentStepIds } from "../parent-step-id"

/**
 * Medusa's own answer: its TransactionOrchestrator.getPreviousStep (not replaced in a unit
 * test: the platform module's loader does not run here), asked with a flow whose steps are
 * their own ids, so it returns the parent's id.
 */
function medusaParentId(id: string): string {
  const original = (
    TransactionOrchestrator as unknown as {
      getPreviousStep: (flow: { steps: Record<string, string> }, step: { id: string }) => string
    }
  ).getPreviousStep
  const steps = new Proxy({} as Record<string, string>, { get: (_, key) => String(key) })
  return original({ steps }, { id })
}

describe("parent step ids", () => {
  it("answers what Medusa's split/pop/join answers, for every shape of id", () => {
    const parentOf = createParentStepIds()
    const ids = [
      "_root",
      "_root.reserve",
      "_root.reserve.create-order.emit",
      "_root.a..b",
      "_root.",
      ".",
      "",
      "no-dots",
      `_root.${Array.from({ length: 60 }, (_, i) => `step-${i}`).join(".")}`,
    ]
    for (const id of ids) {
      expect({ id, parent: parentOf(id) }).toEqual({ id, parent: medusaParentId(id) })
      // Remembered: the same answer again.
      expect(parentOf(id)).toBe(medusaParentId(id))
    }
  })
})
