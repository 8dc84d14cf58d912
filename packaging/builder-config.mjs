// electron-builder's configuration, as data: `npm run dist` packs with it, and the unit tests
// and scripts/check-package.mjs read it. Signing and notarization credentials come from the
// environment on the release machine (CSC_LINK, CSC_KEY_PASSWORD, APPLE_ID,
// APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID, or APPLE_API_KEY with APPLE_API_KEY_ID and
// APPLE_API_ISSUER); nothing secret is ever in the repository.

export const APP_ID = 'org.dogear.app'
export const PRODUCT_NAME = 'Dogear'

/** Digest files Dogear opens from the file manager. Generic kinds (.txt, .json, .html, .xml, .md) stay with their usual apps. */
export const FILE_ASSOCIATIONS = Object.freeze([
  { ext: ['bib', 'bibtex'], name: 'BibTeX bibliography', mimeType: 'application/x-bibtex' },
  { ext: ['ris'], name: 'RIS citations', mimeType: 'application/x-research-info-systems' },
  { ext: ['eml'], name: 'E-mail digest', mimeType: 'message/rfc822' },
  { ext: ['rss', 'rdf'], name: 'RSS feed', mimeType: 'application/rss+xml' },
  { ext: ['atom'], name: 'Atom feed', mimeType: 'application/atom+xml' },
  { ext: ['csljson'], name: 'CSL-JSON citations', mimeType: 'application/vnd.citationstyles.csl+json' }
])

/** What goes into app.asar besides the production node_modules: the built bundles only. */
export const FILES = Object.freeze([
  'out/main/**',
  'out/preload/**',
  'out/renderer/**',
  'resources/sample-digest.txt',
  'package.json',
  '!**/*.map',
  '!{src,tests,bench,docs,scripts,packaging,.ci,.github,.electron-native,test-results}/**',
  // The command line's TypeScript runner is not part of the app.
  '!node_modules/{tsx,esbuild,@esbuild}/**',
  // better-sqlite3's sources and build leftovers: only its .node is loaded.
  '!node_modules/better-sqlite3/{deps,src,docs,build/Release/obj,build/Release/test_extension.node}/**',
  '!node_modules/better-sqlite3/build/Release/test_extension.node'
])

/** Native modules must sit outside the asar to be loaded. */
export const ASAR_UNPACK = Object.freeze(['**/*.node'])

/** Notarize only where the release machine has Apple credentials. */
export function notarizeFrom(env) {
  return Boolean(env.APPLE_API_KEY || env.APPLE_ID || env.APPLE_KEYCHAIN_PROFILE)
}

export function builderConfig(env = process.env) {
  return {
    appId: APP_ID,
    productName: PRODUCT_NAME,
    copyright: 'Copyright © Dogear contributors',
    directories: { output: 'dist', buildResources: 'resources' },
    files: [...FILES],
    asar: true,
    asarUnpack: [...ASAR_UNPACK],
    // better-sqlite3 is rebuilt for Electron's ABI (node_modules keeps the Node build for the tests).
    npmRebuild: true,
    nodeGypRebuild: false,
    buildDependenciesFromSource: false,
    fileAssociations: FILE_ASSOCIATIONS.map((association) => ({ ...association, role: 'Viewer' })),
    afterPack: './packaging/after-pack.mjs',
    publish: [{ provider: 'github', releaseType: 'release' }],
    linux: {
      target: ['AppImage', 'deb'],
      category: 'Office',
      icon: 'resources/icon.png',
      synopsis: 'An offline reading list for research papers',
      mimeTypes: FILE_ASSOCIATIONS.map((association) => association.mimeType)
    },
    deb: { depends: ['libnss3', 'libgtk-3-0', 'libxss1', 'libasound2'] },
    mac: {
      target: ['dmg', 'zip'],
      category: 'public.app-category.productivity',
      icon: 'resources/icon.png',
      hardenedRuntime: true,
      gatekeeperAssess: false,
      entitlements: 'packaging/entitlements.mac.plist',
      entitlementsInherit: 'packaging/entitlements.mac.plist',
      notarize: notarizeFrom(env)
    },
    dmg: { sign: false },
    win: { target: ['nsis', 'portable'], icon: 'resources/icon.png' },
    nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
    portable: { artifactName: '${productName}-${version}-portable.${ext}' }
  }
}

export default builderConfig()
