import { textRule } from './rule.ts'

/**
 * A word split by a line break after its hyphen: YAML folds `non-` + newline + `significant` into "non- significant"
 * (and a record id such as `moda-sava-2019` into "moda- sava-2019", which no citation step then recognises).
 * Suspended hyphens ("short- and long-term") are allowed.
 */
const BROKEN = /[A-Za-z]- (?!(?:and|or|to|nor)\b)[A-Za-z]/

/** No text field holds a word broken at a line end. */
export const brokenWords = textRule('broken-words', (text) => {
  const m = BROKEN.exec(text)
  return m === null
    ? undefined
    : {
        message: `breaks a hyphenated word at a line end: "${text.slice(Math.max(0, m.index - 12), m.index + 14)}".`,
        fix: 'Keep a hyphenated word (or record id) on one line of the YAML; a folded line break becomes a space.',
      }
})
