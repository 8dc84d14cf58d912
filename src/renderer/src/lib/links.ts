import type { Link, LinkKind } from '../../../shared/model'

const MAIN_LINK_ORDER: LinkKind[] = ['abs', 'pdf', 'doi', 'project', 'other', 'code']

/** The link Enter/o opens: the paper's own page before its PDF, code last. */
export function mainLink(links: readonly Link[]): Link | null {
  for (const kind of MAIN_LINK_ORDER) {
    const link = links.find((candidate) => candidate.kind === kind)
    if (link) return link
  }
  return null
}

const LABELS: Record<LinkKind, string> = {
  abs: 'Abstract page',
  pdf: 'PDF',
  code: 'Code',
  project: 'Project page',
  doi: 'DOI',
  other: 'Link'
}

/** A button label that says where the link goes: "Code · github.com/owner/repo". */
export function linkLabel(link: Link): string {
  let where = link.url
  try {
    const url = new URL(link.url)
    const path = url.pathname.replace(/\/+$/, '')
    where = url.host.replace(/^www\./, '') + (path.length > 40 ? path.slice(0, 39) + '…' : path)
  } catch {
    // Not a URL we can parse: show it as it is.
  }
  return `${LABELS[link.kind]} · ${where}`
}
