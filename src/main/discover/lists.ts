// Lists the recommender orders: the Recommended source (suggestible papers, best first, each
// with its reason) and the `recommended` sort of any other list. Glue over the Library.
import type { ListQuery, PaperPage, RelatedPaper } from '../../shared/model'
import type { Library } from '../library/contract'
import { pageBounds } from '../library/listing'
import type { DiscoverEngine } from './engine'

export function isRecommenderQuery(query: ListQuery): boolean {
  return query.filter.kind === 'recommended' || query.sort === 'recommended'
}

export async function recommendedPage(library: Library, engine: DiscoverEngine, query: ListQuery): Promise<PaperPage> {
  const { offset, limit } = pageBounds(query)
  const answer = await engine.recommend()
  if (query.filter.kind === 'recommended') {
    if (!answer.ready) return { items: [], total: 0, offset, next: null, notice: answer.message }
    const ids = answer.top(offset + limit).slice(offset)
    const reasons = await engine.explain(ids)
    const items = library.papersByIds(ids).map((paper) => {
      const reason = reasons.get(paper.id)
      return reason
        ? { ...paper, recommendation: { score: reason.score, like: reason.like, terms: reason.terms } }
        : paper
    })
    return { items, total: answer.total, offset, next: null }
  }
  const ids = library.filterIds(query.filter)
  if (!answer.ready) {
    // Too few stars to rank: the list keeps its own order, and says why.
    const page = library.listPapers({ ...query, sort: 'position' })
    return { ...page, notice: answer.message }
  }
  const score = (id: number): number => answer.scoreOf(id) ?? -Infinity
  ids.sort((a, b) => score(b) - score(a) || b - a)
  return { items: library.papersByIds(ids.slice(offset, offset + limit)), total: ids.length, offset, next: null }
}

export async function relatedPapers(
  library: Library,
  engine: DiscoverEngine,
  id: number,
  limit: number
): Promise<RelatedPaper[]> {
  const related = await engine.related(id, limit)
  const similarity = new Map(related.map((r) => [r.id, r.similarity]))
  return library.papersByIds(related.map((r) => r.id)).map((paper) => ({
    ...paper,
    similarity: Math.round((similarity.get(paper.id) ?? 0) * 1000) / 1000
  }))
}
