import { describe, expect, it } from 'vitest'
import { countFeatures, FEATURE_COUNT, termsOf, touchedCapacity } from '../../../src/main/discover/tokenize'

function counted(text: string): Map<number, number> {
  const counts = new Uint16Array(FEATURE_COUNT)
  const touched = new Int32Array(touchedCapacity(text))
  const found = countFeatures(text, counts, touched)
  return new Map(Array.from(touched.subarray(0, found), (feature) => [feature, counts[feature]!]))
}

describe('paper text as features', () => {
  it('counts the same words and word pairs that explanations name', () => {
    const texts = [
      'Selective state-space models: a linear-time scan. Selective scan, again!',
      'Über Größe der Modelle 2024 and 3D point clouds; x y z',
      'The of and; (quoted) “words” with—dashes and\ttabs\nnew lines'
    ]
    for (const text of texts) {
      const features = counted(text)
      expect(new Set(features.keys())).toEqual(new Set(termsOf(text).keys()))
    }
  })

  it('keeps pairs within a phrase only, without stop words or lone digits', () => {
    const words = [...termsOf('Selective state-space models, the scan 2024').values()].sort()
    expect(words).toEqual([
      'models',
      'scan',
      'selective',
      'selective state',
      'space',
      'space models',
      'state',
      'state space'
    ])
    const counts = counted('scan scan scan')
    expect([...counts.values()].sort()).toEqual([2, 3])
  })
})
