// Timing helpers for the benchmark: wall-clock milliseconds, medians and percentiles.

export function timeMs<T>(work: () => T): { ms: number; value: T } {
  const start = process.hrtime.bigint()
  const value = work()
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value }
}

/** Nearest-rank percentile (p in 0..100) of the samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[rank - 1]!
}

export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** Median, 95th percentile and maximum of timings, rounded for the report. */
export function timeSpread(times: readonly number[]): { medianMs: number; p95Ms: number; maxMs: number } {
  return { medianMs: round(median(times)), p95Ms: round(percentile(times, 95)), maxMs: round(Math.max(...times)) }
}

/** Rounds for the JSON report: three decimals under 10, one decimal above. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value
  return Math.abs(value) < 10 ? Math.round(value * 1000) / 1000 : Math.round(value * 10) / 10
}

export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`)
}
