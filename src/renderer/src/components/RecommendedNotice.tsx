import { useEffect, useState } from 'react'
import { useStore } from 'zustand'
import { useDogear } from '../context'

/** An empty Recommended list says what it needs (more stars); other empty lists say "Nothing here." */
export function EmptyListText() {
  const dogear = useDogear()
  const recommended = useStore(dogear.selection, (s) => s.filter.kind === 'recommended')
  const [notice, setNotice] = useState<string | null>(null)
  useEffect(() => {
    if (!recommended) return
    let current = true
    dogear.api
      .listPapers({ filter: { kind: 'recommended' }, limit: 1 })
      .then((page) => current && setNotice(page.notice ?? null))
      .catch(() => current && setNotice(null))
    return () => {
      current = false
    }
  }, [dogear, recommended])
  return <>{recommended && notice ? notice : 'Nothing here.'}</>
}
