import type { Paper } from '../../../shared/model'

/** "like 'Title' · term, term": why the recommender suggests this row. */
export function RecommendationReason({ paper }: { paper: Pick<Paper, 'recommendation'> }) {
  const reason = paper.recommendation
  if (!reason) return null
  const like = reason.like.map((l) => `'${l.title}'`).join(', ')
  const text = [like && `like ${like}`, reason.terms.join(', ')].filter(Boolean).join(' · ')
  return <span className="recommendation-reason muted small">{text}</span>
}
