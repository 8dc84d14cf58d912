// What an empty Recommended list says: how many more stars it needs (the main process words
// it, from the page's notice), instead of a bare "Nothing here".
import { useEffect, useState } from 'react'
import { useStore } from 'zustand'
import { useDogear } from '../context'

export function RecommendedNotice({ fallback }: { fallback: string }) {
  const dogear = useDogear()
  const starred = useStore(dogear.sources, (s) => s.stats?.starred)
  const [notice, setNotice] = useState<string | null>(null)
  useEffect(() => {
    let current = true
    dogear.api
      .listPapers({ filter: { kind: 'recommended' }, limit: 1 })
      .then((page) => current && setNotice(page.notice ?? null))
      .catch(() => current && setNotice(null))
    return () => {
      current = false
    }
  }, [dogear, starred])
  return <p>{notice ?? fallback}</p>
}
