// The multi-selection of the paper list (lib/multiSelect.ts holds the rules).
import { createStore } from 'zustand/vanilla'
import { nothingPicked, type Picked } from '../lib/multiSelect'

export const createPickedStore = () => createStore<Picked>()(() => nothingPicked)

export type PickedStore = ReturnType<typeof createPickedStore>
