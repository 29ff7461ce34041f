/**
 * The lock key of an inventory item. Everything that reads an inventory level to decide
 * a write (stock changes here, reservations at checkout) takes this lock first, so
 * decisions are never made on a level another request is changing.
 */
export function inventoryLockKey(inventoryItemId: string): string {
  return `inventory-item:${inventoryItemId}`
}
