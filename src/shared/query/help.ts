// The search syntax in examples: shown by the app's keys help and matching the README.
export const SEARCH_SYNTAX: readonly { example: string; meaning: string }[] = [
  { example: 'linear attention', meaning: 'papers with every word; the last word also as a prefix (li, lin, ...)' },
  { example: 'attention ', meaning: 'a space after the last word: the whole word only' },
  { example: '"in-context learning"', meaning: 'the words side by side, in order (a hyphen is a space)' },
  { example: 'mamba OR rwkv', meaning: 'either word (OR in capitals)' },
  { example: '-survey, NOT survey', meaning: 'without the word; also -"a phrase", -title:x, -(a OR b)' },
  { example: '(mamba OR rwkv) -survey', meaning: 'parentheses group' },
  { example: 'title:survey', meaning: 'in a field: title:, author:, abstract:, note:' },
  { example: 'author:"Yann LeCun"', meaning: 'a phrase in a field' },
  { example: 'tag:reading  subject:cs.LG', meaning: 'tags and subjects (match nothing until the library has them)' },
  { example: 'digest:12  digest:weekly', meaning: "a digest's id, or words of its title" },
  { example: 'year:2024  year:2020..2023', meaning: "the paper's year (published, else its first digest's day)" },
  { example: 'before:2024-03  after:2023-12-31', meaning: 'before or after a year, month or day' },
  { example: 'arxiv:2403.12345  doi:10.1000/xyz', meaning: 'by identifier (arxiv:2403 for a month)' },
  { example: 'is:unread  is:read  is:starred', meaning: 'reading state' },
  { example: 'has:code  has:note  has:abstract', meaning: 'what a paper has' },
  { example: 'tranformer', meaning: 'an unknown word is replaced by the closest one, and the list says so' }
]
