// Saved queries carry the syntax version they were written in. When a later version reads
// some text differently, it adds a step here that rewrites older text to mean the same.
import { QUERY_SYNTAX_VERSION } from './ast'

/** Rewrites for each version, from the version before it; none yet. */
const UPGRADES: Record<number, (query: string) => string> = {}

/** The query as today's parser must read it to mean what it meant in `version`. */
export function upgradeQuery(query: string, version: number): string {
  let text = query
  for (let next = version + 1; next <= QUERY_SYNTAX_VERSION; next++) text = UPGRADES[next]?.(text) ?? text
  return text
}
