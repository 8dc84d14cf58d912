// Lays out the packaged app the way `npm run dist -- --linux --dir` does, without Electron's
// binary (a stand-in executable replaces it, nothing is downloaded), and checks what is in it:
// the built bundles and production modules inside app.asar, the native module beside it, no
// sources, tests, maps or build tools, and every file the page loads reachable over app://.
// Run by CI after the build: `npm run check:package`.
import { listPackage } from '@electron/asar'
import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Arch, build, Platform } from 'electron-builder'
import { builderConfig, PRODUCT_NAME } from '../packaging/builder-config.mjs'
import { APP_ORIGIN, resolveAppFile } from '../src/main/shell/app-scheme'

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..')

/** A stand-in for Electron's unpacked distribution: what electron-builder copies around the app. */
function standInElectron(dir: string): string {
  mkdirSync(join(dir, 'resources'), { recursive: true })
  writeFileSync(join(dir, 'electron'), '#!/bin/sh\necho "stand-in for Electron"\n')
  chmodSync(join(dir, 'electron'), 0o755)
  writeFileSync(join(dir, 'LICENSE'), 'stand-in')
  writeFileSync(join(dir, 'version'), readJson('node_modules/electron/package.json').version)
  return dir
}

function readJson(path: string): { version: string; dependencies?: Record<string, string> } {
  return JSON.parse(readFileSync(join(ROOT, path), 'utf8'))
}

/** The page's own script, style and icon references, as app:// URLs. */
function pageReferences(html: string): string[] {
  const refs = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((match) => match[1]!)
  return refs.filter((ref) => !/^[a-z]+:/i.test(ref)).map((ref) => new URL(ref, `${APP_ORIGIN}/index.html`).href)
}

const results: { name: string; problem: string | null }[] = []
function check(name: string, problem: string | null): void {
  results.push({ name, problem })
  console.log(`${problem ? '✗' : '✓'} ${name}${problem ? `: ${problem}` : ''}`)
}
const missing = (wanted: string[], have: Set<string>) => wanted.filter((path) => !have.has(path))

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'out/main/index.js')) || !existsSync(join(ROOT, 'out/renderer/index.html'))) {
    execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' })
  }
  const work = mkdtempSync(join(tmpdir(), 'dogear-package-'))
  try {
    const output = join(work, 'dist')
    await build({
      projectDir: ROOT,
      targets: Platform.LINUX.createTarget('dir', Arch.x64),
      publish: 'never',
      config: {
        ...builderConfig({}),
        electronDist: standInElectron(join(work, 'electron')),
        electronVersion: readJson('node_modules/electron/package.json').version,
        // The stand-in has no fuse wire and no Electron ABI: the fuses and the rebuild are checked as data.
        npmRebuild: false,
        afterPack: null,
        directories: { output, buildResources: 'resources' }
      }
    })
    const appOut = join(output, 'linux-unpacked')
    const asarPath = join(appOut, 'resources/app.asar')
    const files = new Set(
      listPackage(asarPath, { isPack: false }).map((path) => path.replace(/\\/g, '/').replace(/^\//, ''))
    )
    const unpacked = join(appOut, 'resources/app.asar.unpacked')

    check(
      'the executable is dogear',
      existsSync(join(appOut, 'dogear')) ? null : `no ${PRODUCT_NAME} executable in ${appOut}`
    )
    const bundles = [
      'package.json',
      'out/main/index.js',
      'out/main/import-worker.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'resources/sample-digest.txt'
    ]
    check('the built bundles and the sample are in app.asar', missing(bundles, files).join(', ') || null)
    const packaged = JSON.parse(
      execFileSync(
        process.execPath,
        [
          '-e',
          `process.stdout.write(require('@electron/asar').extractFile(${JSON.stringify(asarPath)}, 'package.json').toString())`
        ],
        { cwd: ROOT }
      ).toString()
    )
    check(
      'package.json starts out/main/index.js',
      packaged.main === './out/main/index.js' ? null : `main is ${packaged.main}`
    )
    const production = Object.keys(readJson('package.json').dependencies ?? {}).filter((name) => name !== 'tsx')
    check(
      'every production module is in app.asar',
      production.filter((name) => !files.has(`node_modules/${name}/package.json`)).join(', ') || null
    )
    const forbidden = [...files].filter(
      (path) =>
        /^(src|tests|bench|docs|scripts|packaging|\.ci|\.github|\.electron-native|test-results)\//.test(path) ||
        path.endsWith('.map') ||
        /^node_modules\/(electron|electron-builder|vitest|vite|typescript|react|react-dom|tsx|esbuild|@esbuild|playwright-core|eslint)\//.test(
          path
        ) ||
        /^node_modules\/better-sqlite3\/(deps|src)\//.test(path)
    )
    check(
      'no sources, tests, maps or build tools in app.asar',
      forbidden.length ? `${forbidden.length} files, e.g. ${forbidden.slice(0, 5).join(', ')}` : null
    )
    const binding = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'
    check(
      'better-sqlite3 is unpacked beside the asar',
      existsSync(join(unpacked, binding)) ? null : `no ${binding} in app.asar.unpacked`
    )
    const html = execFileSync(
      process.execPath,
      [
        '-e',
        `process.stdout.write(require('@electron/asar').extractFile(${JSON.stringify(asarPath)}, 'out/renderer/index.html').toString())`
      ],
      { cwd: ROOT }
    ).toString()
    const refs = pageReferences(html)
    const unreachable = refs.filter((url) => {
      const file = resolveAppFile(url, '/app.asar/out/renderer')
      return !file || !files.has(file.path.replace(/^\/app\.asar\//, ''))
    })
    check(
      `the page and its ${refs.length} files are served over ${APP_ORIGIN}`,
      refs.length === 0 ? 'the page references no script' : unreachable.join(', ') || null
    )
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
  const failed = results.filter((result) => result.problem).length
  console.log(`package layout: ${results.length - failed} passed, ${failed} failed`)
  if (failed) process.exitCode = 1
}

await main()
