// The export fixtures: papers as the library hands them to the exporters, and each format's
// expected file (tests/fixtures/export/). All written for this project.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { ExportMeta, ExportPaper } from '../../../src/main/export/types'

const folder = resolve(__dirname, '../../fixtures/export')

export function fixturePapers(): ExportPaper[] {
  return JSON.parse(readFileSync(resolve(folder, 'papers.json'), 'utf8')) as ExportPaper[]
}

export function expectedFile(name: string): string {
  return readFileSync(resolve(folder, name), 'utf8')
}

export const META: ExportMeta = { exportedAt: '2026-03-21T09:00:00.000Z', title: 'Starred papers' }
