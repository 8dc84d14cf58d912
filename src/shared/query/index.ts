// The search query language: one pure parser shared by the app, the CLI and the library.
export * from './ast'
export { describeQuery, correctionNotice } from './describe'
export { parseQuery } from './parse'
export { MAX_QUERY_LENGTH } from './lex'
export { foldWord, wordsOf } from './words'
export { upgradeQuery } from './versions'
export { SEARCH_SYNTAX } from './help'
