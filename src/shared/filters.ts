// The filter kinds of the paper list: what the renderer shows and the contract accepts.
//
// How to add a filter kind:
//   1. Add ONE entry to FILTER_KINDS below: its label, whether it is a fixed source in the
//      sources pane, and `param` if it takes an id (the `digestId` of `digest`). The
//      PaperFilter type, the contract's zod schema and the sources pane follow from it.
//   2. The compiler then names the one other place that must know it: its SQL entry in
//      FILTER_SQL (src/main/library/filters.ts), and the renderer test fake's matcher
//      (tests/unit/renderer/fakeApi.ts). Nothing else lists filter kinds.
// The SQL cannot live here: all SQL stays in src/main/library.

export interface FilterKindInfo {
  /** What the sources pane and the list's heading call it. */
  label: string
  /** Shown among the fixed sources (All papers, Unread, ...); parametrized kinds never are. */
  fixedSource: boolean
  /** Name of the one id the filter takes, if any. */
  param?: string
}

export const FILTER_KINDS = {
  all: { label: 'All papers', fixedSource: true },
  unread: { label: 'Unread', fixedSource: true },
  starred: { label: 'Starred', fixedSource: true },
  hasCode: { label: 'Has code', fixedSource: true },
  digest: { label: 'Digest', fixedSource: false, param: 'digestId' },
  tag: { label: 'Tag', fixedSource: false, param: 'tagId' },
  recommended: { label: 'Recommended', fixedSource: true },
  revised: { label: 'Revised since read', fixedSource: true },
  savedSearch: { label: 'Saved search', fixedSource: false, param: 'savedSearchId' }
} as const satisfies Record<string, FilterKindInfo>

export type FilterKind = keyof typeof FILTER_KINDS

type FilterOf<K extends FilterKind> = (typeof FILTER_KINDS)[K] extends { param: infer P extends string }
  ? { kind: K } & { [Name in P]: number }
  : { kind: K }

/** One filter: `{ kind }` plus the kind's id parameter, if it has one. */
export type PaperFilter = { [K in FilterKind]: FilterOf<K> }[FilterKind]

export const FILTER_KIND_NAMES = Object.keys(FILTER_KINDS) as FilterKind[]

/** The sources pane's fixed entries, in table order. */
export const FIXED_SOURCES: { filter: PaperFilter; label: string }[] = FILTER_KIND_NAMES.flatMap((kind) => {
  const info: FilterKindInfo = FILTER_KINDS[kind]
  // A fixed source takes no parameter, so `{ kind }` is the whole filter.
  return info.fixedSource && info.param === undefined ? [{ filter: { kind } as PaperFilter, label: info.label }] : []
})

/** The id parameter of a filter (the digest's id, ...), or undefined for a kind without one. */
export function filterParam(filter: PaperFilter): number | undefined {
  const info: FilterKindInfo = FILTER_KINDS[filter.kind]
  if (info.param === undefined) return undefined
  return (filter as unknown as Record<string, number>)[info.param]
}

export function sameFilter(a: PaperFilter, b: PaperFilter): boolean {
  return a.kind === b.kind && filterParam(a) === filterParam(b)
}
