/**
 * The `k` first of `candidates` in `order` (negative: the first argument comes first),
 * best first, without sorting them all: one comparison per candidate once `k` are held,
 * a binary search and an insertion for the few that enter. A catalog page needs at most
 * offset + limit + 1 of a search's matches, and a broad word has tens of thousands.
 */
export function topK(
  candidates: ArrayLike<number>,
  k: number,
  order: (a: number, b: number) => number
): number[] {
  const best: number[] = []
  if (k <= 0) {
    return best
  }
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i]
    if (best.length === k && order(candidate, best[k - 1]) >= 0) {
      continue
    }
    let lo = 0
    let hi = best.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (order(best[mid], candidate) <= 0) lo = mid + 1
      else hi = mid
    }
    best.splice(lo, 0, candidate)
    if (best.length > k) {
      best.pop()
    }
  }
  return best
}
