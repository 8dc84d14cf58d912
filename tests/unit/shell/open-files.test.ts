import { describe, expect, it } from 'vitest'
import { FILE_ASSOCIATIONS } from '../../../packaging/builder-config.mjs'
import { ASSOCIATED_EXTENSIONS, digestPathsFromArgv } from '../../../src/main/shell/open-files'

describe('digestPathsFromArgv', () => {
  it('picks the digest files a double-click passes, made absolute, and skips switches and other files', () => {
    expect(
      digestPathsFromArgv(
        ['--allow-file-access', '/home/reader/weekly.bib', 'alerts.RIS', '-psn_0_123', 'notes.txt', '/tmp/a.bib'],
        '/home/reader/Downloads'
      )
    ).toEqual(['/home/reader/weekly.bib', '/home/reader/Downloads/alerts.RIS', '/tmp/a.bib'])
    expect(digestPathsFromArgv(['/home/reader/x.bib', '/home/reader/x.bib'], '/')).toEqual(['/home/reader/x.bib'])
    expect(digestPathsFromArgv([], '/')).toEqual([])
  })

  it('knows the same extensions the installers associate', () => {
    expect([...ASSOCIATED_EXTENSIONS].sort()).toEqual(
      FILE_ASSOCIATIONS.flatMap((association) => association.ext).sort()
    )
  })
})
