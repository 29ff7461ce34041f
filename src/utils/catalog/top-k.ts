/**
 * The `k` first of `candidates` in `order` (negative: the first argument comes first),
 * best first, without sorting them all: a heap of the best `k` so far with the worst on
 * top, so each candidate costs one comparison, or log k when it enters, whatever order the
 * candidates come in. A catalog page needs at most offset + limit + 1 of a search's
 * matches, and a broad word has tens of thousands.
 */
export function topK(
  candidates: ArrayLike<number>,
  k: number,
  order: (a: number, b: number) => number
): number[] {
  const heap: number[] = []
  if (k <= 0) {
    return heap
  }
  // Whether heap slot i should sit above slot j (it comes later in `order`).
  const above = (i: number, j: number) => order(heap[i], heap[j]) > 0
  const swap = (i: number, j: number) => {
    const held = heap[i]
    heap[i] = heap[j]
    heap[j] = held
  }
  for (let c = 0; c < candidates.length; c++) {
    const candidate = candidates[c]
    if (heap.length < k) {
      heap.push(candidate)
      for (let i = heap.length - 1; i > 0 && above(i, (i - 1) >> 1); i = (i - 1) >> 1) {
        swap(i, (i - 1) >> 1)
      }
    } else if (order(candidate, heap[0]) < 0) {
      heap[0] = candidate
      for (let i = 0; ;) {
        const left = 2 * i + 1
        const right = left + 1
        let top = i
        if (left < k && above(left, top)) top = left
        if (right < k && above(right, top)) top = right
        if (top === i) break
        swap(i, top)
        i = top
      }
    }
  }
  return heap.sort(order)
}
