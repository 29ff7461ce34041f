import { createParentStepIds } from "../parent-step-id"

/** Medusa's own computation (TransactionOrchestrator.getPreviousStep, 2.21). */
function medusaParentId(id: string): string {
  const parts = id.split(".")
  parts.pop()
  return parts.join(".")
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
