#!/usr/bin/env node
// Run before `npm start`: makes sure Electron's binary is present and that an Electron build
// of better-sqlite3 sits in .electron-native/. node_modules/better-sqlite3 is never touched,
// so `npm test` and the CLI keep their Node build. Both steps need the internet the first time.
import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { register } from 'tsx/esm/api'

register()
const native = await import('../src/main/shell/electron-native.ts')

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)

function fail(step, detail) {
  console.error(`\nprepare-electron: ${step}`)
  if (detail) console.error(detail)
  console.error(
    '\nThe desktop app needs this once, with internet access: github.com (Electron, honouring\n' +
      'ELECTRON_MIRROR, and ready-made modules) or electronjs.org (headers to compile against).\n' +
      '`npm test` and the `dogear` command line do not need it.'
  )
  process.exit(1)
}

function run(command, args, cwd, env = process.env) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env })
  return result.status === 0
}

// Reading package.json, never require('electron'): that would start a download itself.
const electronVersion = require('electron/package.json').version
const betterSqliteDir = dirname(require.resolve('better-sqlite3/package.json'))
const wanted = {
  electron: electronVersion,
  abi: Number(readFileSync(require.resolve('electron/abi_version'), 'utf8').trim()),
  betterSqlite3: JSON.parse(readFileSync(join(betterSqliteDir, 'package.json'), 'utf8')).version,
  platform: process.platform,
  arch: process.arch
}

/** Runs a step quietly; returns its first error line when it fails (offline, it prints a stack trace). */
function runQuietly(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: process.env })
  if (result.status === 0) return null
  const output = `${result.stderr ?? ''}\n${result.stdout ?? ''}`
  return (
    output
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? `exit code ${result.status}`
  )
}

// 1. Electron's binary (its own installer; does nothing when the right version is there).
const downloadProblem = runQuietly(process.execPath, [require.resolve('electron/install.js')], root)
if (downloadProblem) fail(`could not download the Electron ${electronVersion} binary (${downloadProblem}).`)

// 2. better-sqlite3 for Electron's ABI, built in a copy so node_modules keeps the Node build.
const paths = native.nativePaths(root)
const stamp = existsSync(paths.stamp) ? readFileSync(paths.stamp, 'utf8') : null
const ready = existsSync(paths.binding) && native.addonAbi(readFileSync(paths.binding)) === wanted.abi
if (native.isUpToDate(stamp, wanted, ready)) {
  console.log(`prepare-electron: better-sqlite3 for Electron ${electronVersion} is ready.`)
  process.exit(0)
}

function npmGlobalRoot() {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const result = spawnSync(npm, ['root', '-g'], { encoding: 'utf8', shell: process.platform === 'win32' })
  return result.status === 0 ? result.stdout.trim() : null
}

/** Builds in a copy of the package; returns null on success, otherwise what went wrong. */
function buildInCopy(work) {
  const copy = join(work, 'better-sqlite3')
  cpSync(betterSqliteDir, copy, { recursive: true, filter: (source) => source !== join(betterSqliteDir, 'build') })
  const built = join(copy, 'build', 'Release', native.BINDING_FILE)

  console.log(`prepare-electron: fetching a ready-made better-sqlite3 for Electron ${electronVersion}...`)
  run(process.execPath, [require.resolve('prebuild-install/bin.js'), ...native.prebuildArgs(wanted)], copy)
  if (!existsSync(built)) {
    console.log('prepare-electron: none found; compiling better-sqlite3 against Electron headers (a few minutes)...')
    const gyp = native.nodeGypCandidates(process.env, npmGlobalRoot()).find((candidate) => existsSync(candidate))
    if (!gyp) return 'node-gyp was not found (it comes with npm)'
    run(process.execPath, [gyp, ...native.nodeGypArgs(wanted)], copy, native.nodeGypEnv(process.env, wanted))
  }
  if (!existsSync(built)) return 'no build was produced'
  const abi = native.addonAbi(readFileSync(built))
  if (abi !== wanted.abi) return `the build is for ABI ${abi}, Electron ${electronVersion} needs ${wanted.abi}`
  mkdirSync(paths.dir, { recursive: true })
  copyFileSync(built, `${paths.binding}.tmp`)
  renameSync(`${paths.binding}.tmp`, paths.binding)
  writeFileSync(paths.stamp, native.stampText(wanted))
  return null
}

const work = mkdtempSync(join(tmpdir(), 'dogear-electron-native-'))
let problem
try {
  problem = buildInCopy(work)
} finally {
  rmSync(work, { recursive: true, force: true })
}
if (problem) fail(`could not build better-sqlite3 ${wanted.betterSqlite3} for Electron ${electronVersion}: ${problem}.`)
console.log(`prepare-electron: wrote ${paths.binding}`)
