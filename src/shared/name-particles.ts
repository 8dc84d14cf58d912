/** Lower-case words inside names ("Tomas van der Berg", "Ana de la Cruz"): part of the family name. */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'das',
  'dos',
  'du',
  'la',
  'le',
  'ten',
  'ter',
  'bin',
  'al',
  'el'
])
