// Hybrid logical clocks: wall time in milliseconds plus a counter, so that every change a
// device makes after seeing another device's change sorts after it, whatever the wall clocks say.
// A stamp is a fixed-width string ("000001764620000000.00001"): comparing strings compares clocks.

export interface Hlc {
  wall: number
  counter: number
}

const WALL_DIGITS = 15
const COUNTER_DIGITS = 5
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1

export const STAMP_PATTERN = /^\d{15}\.\d{5}$/

export function formatStamp(clock: Hlc): string {
  return `${String(clock.wall).padStart(WALL_DIGITS, '0')}.${String(clock.counter).padStart(COUNTER_DIGITS, '0')}`
}

export function parseStamp(stamp: string): Hlc {
  if (!STAMP_PATTERN.test(stamp)) throw new Error(`"${stamp}" is not a clock stamp`)
  const [wall, counter] = stamp.split('.') as [string, string]
  return { wall: Number(wall), counter: Number(counter) }
}

/** The stamp's wall time, as the time a change was made. */
export function stampDate(stamp: string): Date {
  return new Date(parseStamp(stamp).wall)
}

function next(wall: number, counter: number): Hlc {
  // A counter overflow moves the clock a millisecond on rather than wrapping it backwards.
  return counter > MAX_COUNTER ? { wall: wall + 1, counter: 0 } : { wall, counter }
}

/** The clock for a change made now on this device. */
export function tick(clock: Hlc, now: number): Hlc {
  if (now > clock.wall) return { wall: now, counter: 0 }
  return next(clock.wall, clock.counter + 1)
}

/** The clock after seeing another device's stamp: never behind anything already seen. */
export function receive(clock: Hlc, remote: Hlc, now: number): Hlc {
  const wall = Math.max(clock.wall, remote.wall, now)
  if (wall === clock.wall && wall === remote.wall) return next(wall, Math.max(clock.counter, remote.counter) + 1)
  if (wall === clock.wall) return next(wall, clock.counter + 1)
  if (wall === remote.wall) return next(wall, remote.counter + 1)
  return { wall, counter: 0 }
}

/** Total order of changes: the stamp, then the device id (two devices never share a change). */
export function compareChanges(a: { at: string; device: string }, b: { at: string; device: string }): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1
  if (a.device !== b.device) return a.device < b.device ? -1 : 1
  return 0
}
