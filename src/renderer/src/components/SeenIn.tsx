import type { Paper } from '../../../shared/model'

/** "in 3 digests" on a row: a paper several digests list is a signal. Nothing for one digest. */
export function SeenBadge({ paper }: { paper: Pick<Paper, 'digests'> }) {
  const count = paper.digests.length
  if (count < 2) return null
  return <span className="seen-badge muted small">in {count} digests</span>
}
