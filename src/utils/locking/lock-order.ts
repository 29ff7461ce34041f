/**
 * The distinct keys of a lock call in the one order every caller takes them: by name. A
 * caller holding a key then waits only for keys after it, so no two callers can each hold
 * a key the other waits for (docs/DECISIONS.md, "Several lock keys are taken in one order").
 */
export function lockOrder(keys: string | string[]): string[] {
  return [...new Set(Array.isArray(keys) ? keys : [keys])].sort()
}
