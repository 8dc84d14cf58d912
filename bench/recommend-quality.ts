// Precision@20 of "more like what I starred" on labelled synthetic libraries: 8 papers starred
// (NOISY_STARS of them off the topic, as a reader stars an odd paper now and then), 20 others
// read and not starred, the rest unread; a suggestion is right when it is of the starred topic.
// Averaged over every topic and several seeds, for the recommender and the two baselines, in
// two settings: the read papers are random ones, or they are near misses (from the sibling
// topic, which shares most of its words with the starred one).
import { FeatureIndex } from '../src/main/discover/feature-index'
import { rankByStars, newScratch, RANK_SETTINGS, type RankSettings } from '../src/main/discover/rank'
import { seededRandom } from '../src/main/discover/linear-model'
import { centroidScores, svmScores, vectorize } from './recommend-baselines'
import { labelledLibrary, paperText, type LabelledPaper } from './recommend-library'
import { round } from './measure'

export type ReadSetting = 'random' | 'nearMiss'
const STARRED = 8
/** Stars given to papers of other topics. */
const NOISY_STARS = 2
const READ = 20
const AT = 20

interface Trial {
  starred: number[]
  read: number[]
  topic: number
}

function trialFor(papers: readonly LabelledPaper[], topic: number, setting: ReadSetting, seed: number): Trial {
  const random = seededRandom(seed * 31 + topic)
  const pick = (pool: LabelledPaper[], count: number): number[] => {
    const chosen: number[] = []
    const copy = [...pool]
    while (chosen.length < count && copy.length > 0)
      chosen.push(copy.splice(Math.floor(random() * copy.length), 1)[0]!.id)
    return chosen
  }
  const sibling = topic ^ 1
  const starred = [
    ...pick(
      papers.filter((p) => p.topic === topic),
      STARRED - NOISY_STARS
    ),
    ...pick(
      papers.filter((p) => p.topic !== topic && p.topic !== sibling),
      NOISY_STARS
    )
  ]
  const readPool = papers.filter((p) => (setting === 'nearMiss' ? p.topic === sibling : p.topic !== topic))
  return { starred, read: pick(readPool, READ), topic }
}

function precision(ranked: readonly number[], papers: readonly LabelledPaper[], topic: number): number {
  const top = ranked.slice(0, AT)
  return top.filter((id) => papers[id - 1]!.topic === topic).length / AT
}

function rankScores(scores: Float64Array, papers: readonly LabelledPaper[], trial: Trial): number[] {
  const excluded = new Set([...trial.starred, ...trial.read])
  return papers
    .filter((p) => !excluded.has(p.id))
    .sort((a, b) => scores[b.id - 1]! - scores[a.id - 1]!)
    .map((p) => p.id)
}

export interface QualityRow {
  topics: number
  reads: ReadSetting
  trials: number
  recommender: number
  /** The recommender with read papers weighed like unread ones: what the reads add. */
  readsAsUnread: number
  centroid: number
  svm: number
}

export function measureQuality(
  topicCounts: readonly number[],
  seeds: number,
  papersPerTopic = 150,
  settings: RankSettings = RANK_SETTINGS,
  baselines = true,
  firstSeed = 1
): QualityRow[] {
  const rows: QualityRow[] = []
  for (const topics of topicCounts) {
    for (const reads of ['random', 'nearMiss'] as ReadSetting[]) {
      const sums = { recommender: 0, readsAsUnread: 0, centroid: 0, svm: 0 }
      let trials = 0
      for (let seed = firstSeed; seed < firstSeed + seeds; seed++) {
        const papers = labelledLibrary({ topics, papersPerTopic, seed })
        const texts = papers.map(paperText)
        const baseline = vectorize(texts)
        const index = new FeatureIndex()
        const entries = papers.map((p, i) => ({ id: p.id, text: texts[i]!, day: p.day }))
        index.countDocuments(entries)
        index.finishCounting()
        index.addCounted(entries)
        index.finishBuild()
        for (let topic = 0; topic < topics; topic++) {
          const trial = trialFor(papers, topic, reads, seed)
          const ranking = rankByStars(
            index,
            { starred: trial.starred, read: trial.read, dismissed: [], hidden: [] },
            newScratch(),
            settings
          )
          const starredIndexes = trial.starred.map((id) => id - 1)
          sums.recommender += precision(ranking!.top(AT), papers, topic)
          const unweighed = rankByStars(
            index,
            { starred: trial.starred, read: trial.read, dismissed: [], hidden: [] },
            newScratch(),
            { ...settings, passedCost: settings.unlabelledCost }
          )
          sums.readsAsUnread += precision(unweighed!.top(AT), papers, topic)
          if (baselines) {
            sums.centroid += precision(
              rankScores(centroidScores(baseline, starredIndexes), papers, trial),
              papers,
              topic
            )
            sums.svm += precision(rankScores(svmScores(baseline, starredIndexes), papers, trial), papers, topic)
          }
          trials++
        }
      }
      rows.push({
        topics,
        reads,
        trials,
        recommender: round(sums.recommender / trials),
        readsAsUnread: round(sums.readsAsUnread / trials),
        centroid: round(sums.centroid / trials),
        svm: round(sums.svm / trials)
      })
    }
  }
  return rows
}
