// Human output of the organizing commands: tags with counts and the trash's contents.
import type { TagCount, TrashContents } from '../../shared/model'

export function formatTags(tags: readonly TagCount[]): string {
  if (tags.length === 0) return 'No tags yet. Tag papers with: dogear tag NAME ID...'
  const width = Math.max(...tags.map((t) => String(t.count).length))
  return tags.map((t) => `${String(t.count).padStart(width)}  ${t.name}`).join('\n')
}

export function formatTrash(trash: TrashContents): string {
  if (trash.papers.length === 0 && trash.digests.length === 0) return 'The trash is empty.'
  const lines: string[] = []
  if (trash.digests.length > 0) {
    lines.push('Deleted digests (restore with: dogear trash --restore-digest ID):')
    for (const d of trash.digests)
      lines.push(`  ${d.id}  ${d.title}  (${d.papers} paper(s), deleted ${d.trashedAt.slice(0, 10)})`)
  }
  if (trash.papers.length > 0) {
    if (lines.length > 0) lines.push('')
    lines.push('Papers (restore with: dogear trash --restore ID...):')
    const width = Math.max(...trash.papers.map((p) => String(p.id).length))
    for (const p of trash.papers)
      lines.push(`  ${String(p.id).padStart(width)}  ${p.title}  (deleted ${p.trashedAt.slice(0, 10)})`)
  }
  return lines.join('\n')
}
