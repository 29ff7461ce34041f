/**
 * The id of a workflow step's parent in Medusa's orchestrator: a step's id is its parent's
 * id and its own name joined by dots (`_root.a.b.c`), so the parent's id is everything
 * before the last dot. Medusa computes it as `id.split(".")`, `pop`, `join(".")`: an array
 * and a new string each time, and it asks for it several times per step on every pass over
 * the flow (TransactionOrchestrator.computeCurrentTransactionState visits every step each
 * time one finishes). A checkout's ids are long chains (each step is the child of the one
 * before), so that was 12 % of a checkout's server CPU (docs/PERFORMANCE.md).
 *
 * Same answer as Medusa's for every id, remembered per id: ids come from workflow
 * definitions, so there are as many as the application's steps.
 */
export function createParentStepIds(): (id: string) => string {
  const parents = new Map<string, string>()
  return (id: string) => {
    let parent = parents.get(id)
    if (parent === undefined) {
      const dot = id.lastIndexOf(".")
      // No dot: split/pop/join gives "" (the root step's parent).
      parent = dot < 0 ? "" : id.slice(0, dot)
      parents.set(id, parent)
    }
    return parent
  }
}
