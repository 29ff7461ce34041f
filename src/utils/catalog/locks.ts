/**
 * The lock key of an inventory item: the bare inventory item id, the key Medusa's own
 * inventory steps take (reserveInventoryStep behind /store/carts/{id}/complete, the
 * reservation deletes of cancelOrderWorkflow, fulfilment stock adjustments, order edits).
 * The inventory module updates `reserved_quantity` by reading and writing it back, so
 * every writer must share one key: stock edits here and checkout's reservations take it
 * too, and all of them exclude one another.
 */
export function inventoryLockKey(inventoryItemId: string): string {
  return inventoryItemId
}
