// When Dogear asks the release feed for an update, as a pure decision: the only network
// request the app ever makes. Switched off (or a development build) means no request at all.

export const CHECK_EVERY_MS = 24 * 60 * 60 * 1000
export const FIRST_RETRY_MS = 60 * 60 * 1000

export interface UpdateState {
  /** The Settings switch. */
  enabled: boolean
  /** Only an installed build has a feed to ask; `npm start` never checks. */
  packaged: boolean
  now: number
  /** When the last check started; null before the first one of this run. */
  lastCheckAt: number | null
  /** A check or a download is under way. */
  busy: boolean
  /** Failed checks or downloads in a row since the last success. */
  failures: number
}

export type UpdateStep = { kind: 'never'; reason: string } | { kind: 'check' } | { kind: 'wait'; ms: number }

/** The retry delay after `failures` failures in a row: 1 h, doubled, at most a day. */
export function retryDelay(failures: number): number {
  return Math.min(CHECK_EVERY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1))
}

export function nextUpdateStep(state: UpdateState): UpdateStep {
  if (!state.packaged) return { kind: 'never', reason: 'a development build does not update itself' }
  if (!state.enabled) return { kind: 'never', reason: 'updates are switched off in Settings' }
  if (state.busy) return { kind: 'wait', ms: FIRST_RETRY_MS }
  if (state.lastCheckAt === null) return { kind: 'check' }
  const due = state.lastCheckAt + (state.failures > 0 ? retryDelay(state.failures) : CHECK_EVERY_MS)
  return due <= state.now ? { kind: 'check' } : { kind: 'wait', ms: due - state.now }
}

/** Release notes as the feed gives them (text, HTML, or a list per version) turned into plain text. */
export function releaseNotesText(notes: unknown): string {
  const raw = Array.isArray(notes)
    ? notes
        .map((entry) => (entry && typeof entry === 'object' && 'note' in entry ? String(entry.note ?? '') : ''))
        .join('\n\n')
    : typeof notes === 'string'
      ? notes
      : ''
  return raw
    .replace(/<\s*(br|\/p|\/li|\/h\d)\s*\/?>/gi, '\n')
    .replace(/<li[^>]*>/gi, '• ')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .slice(0, 4000)
}

export interface PendingNotes {
  version: string
  notes: string
}

/** The notes to show at this start: those saved for the version now running, once. */
export function notesToShow(pending: PendingNotes | null, runningVersion: string): string | null {
  if (!pending || pending.version !== runningVersion || !pending.notes) return null
  return pending.notes
}
