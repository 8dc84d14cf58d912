import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../../../src/shared/model'
import { createSettingsLoop, reaction } from '../../../src/main/shell/settings-loop'

describe('createSettingsLoop', () => {
  it('runs each reaction at first, then only when its part of the settings changed', () => {
    const folders: (string | null)[] = []
    const caps: number[] = []
    const loop = createSettingsLoop([
      reaction(
        (s) => s.watchFolder,
        (folder) => void folders.push(folder)
      ),
      reaction(
        (s) => s.importSizeCapMb,
        (cap) => void caps.push(cap)
      )
    ])
    loop.changed({ ...DEFAULT_SETTINGS })
    loop.changed({ ...DEFAULT_SETTINGS, markReadOnOpen: 'never' })
    loop.changed({ ...DEFAULT_SETTINGS, watchFolder: '/home/reader/Digests' })
    loop.changed({ ...DEFAULT_SETTINGS, watchFolder: '/home/reader/Digests' })
    loop.changed({ ...DEFAULT_SETTINGS, watchFolder: null, importSizeCapMb: 8 })
    expect(folders).toEqual([null, '/home/reader/Digests', null])
    expect(caps).toEqual([DEFAULT_SETTINGS.importSizeCapMb, 8])
  })
})
