// Integer axis ticks for counts: never "2.5 papers".

/** A round top for the axis (1, 2 or 5 times a power of ten) and its integer ticks. */
export function countTicks(maxValue: number, wanted = 4): { max: number; ticks: number[] } {
  const top = Math.max(wanted, Math.ceil(maxValue))
  const raw = top / wanted
  const power = 10 ** Math.floor(Math.log10(raw))
  const step = Math.max(1, ([1, 2, 5, 10].map((f) => f * power).find((s) => s >= raw) ?? raw) | 0)
  const max = Math.ceil(top / step) * step
  const ticks: number[] = []
  for (let tick = 0; tick <= max; tick += step) ticks.push(tick)
  return { max, ticks }
}

/** How wide the tick labels need the left margin to be, for labels like "12,500". */
export function labelWidth(max: number, charWidth = 7): number {
  return max.toLocaleString('en-US').length * charWidth + 10
}
