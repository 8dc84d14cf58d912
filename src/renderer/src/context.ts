import { createContext, useContext } from 'react'
import type { Dogear } from './actions'

export const DogearContext = createContext<Dogear | null>(null)

export function useDogear(): Dogear {
  const dogear = useContext(DogearContext)
  if (!dogear) throw new Error('useDogear outside <DogearContext.Provider>')
  return dogear
}
