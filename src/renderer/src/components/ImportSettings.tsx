import { SwitchSetting } from './SwitchSetting'

/** How imports treat what a file says beyond its papers: JabRef groups become tags only when asked. */
export function ImportSettings() {
  return (
    <SwitchSetting
      legend="Importing"
      setting="groupsAsTags"
      label="Make BibTeX groups (JabRef, Zotero collections) tags"
      explanation="Keywords are always kept as the paper's subjects; groups become your tags only with this on."
    />
  )
}
