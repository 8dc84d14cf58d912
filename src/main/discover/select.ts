// Pure: the k-th largest of many scores without sorting them all.

/** The k-th largest of `values[0..n)` (0-based), by quickselect on a copy held in `scratch`. */
export function kthLargest(values: Float64Array, n: number, k: number, scratch: Float64Array): number {
  scratch.set(values.subarray(0, n))
  let lo = 0
  let hi = n - 1
  while (lo < hi) {
    const pivot = scratch[(lo + hi) >> 1]!
    let i = lo
    let j = hi
    while (i <= j) {
      while (scratch[i]! > pivot) i++
      while (scratch[j]! < pivot) j--
      if (i <= j) {
        const t = scratch[i]!
        scratch[i] = scratch[j]!
        scratch[j] = t
        i++
        j--
      }
    }
    if (k <= j) hi = j
    else if (k >= i) lo = i
    else break
  }
  return scratch[k]!
}
