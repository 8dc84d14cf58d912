// A bound on text a parser makes up beyond what the file holds: BibTeX @string macros that
// concatenate each other, crossref fields copied into every child entry. Without one, a 10 KB
// file whose macros each repeat the previous one twice grows to gigabytes and ends the process.

/** No single value may grow past this (an abstract is a few KB; 1 MB is generous). */
export const MAX_EXPANDED_VALUE_CHARS = 1024 * 1024

/** All values together may hold this much beyond the file's own length. */
export const EXPANSION_ALLOWANCE_CHARS = 32 * 1024 * 1024

/** Thrown when a bound is reached; the parser turns it into an ImportError naming the file. */
export class ExpansionLimit extends Error {
  constructor(
    message: string,
    readonly line: number | null
  ) {
    super(message)
    this.name = 'ExpansionLimit'
  }
}

export class ExpansionBudget {
  private left: number

  /** `sourceChars`: the file's length; expansions may add up to twice that, plus the allowance. */
  constructor(sourceChars: number) {
    this.left = sourceChars * 2 + EXPANSION_ALLOWANCE_CHARS
  }

  /** Checks one expanded value of `chars` characters (at `line`, described by `what`) and counts it. */
  spend(chars: number, what: string, line: number | null): void {
    if (chars > MAX_EXPANDED_VALUE_CHARS) {
      throw new ExpansionLimit(
        `${what} expands to more than ${MAX_EXPANDED_VALUE_CHARS / (1024 * 1024)} MB of text; the file was not imported`,
        line
      )
    }
    this.left -= chars
    if (this.left < 0) {
      throw new ExpansionLimit(
        `its macros and cross-references expand to far more text than the file holds (at ${what}); the file was not imported`,
        line
      )
    }
  }
}
