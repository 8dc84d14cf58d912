// Two private-use characters once used to mark matches. Imported text is stripped of them as it
// is merged (dedupe-merge.ts), notes in the index's content view (migration 4), and the
// highlights strip them from the text they mark, so stored text never carries them as marks.
export const MARKERS = /[\uE000\uE001]/g
