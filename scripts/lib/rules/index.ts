import { authorNames } from './author-names.ts'
import { authorsComplete } from './authors-complete.ts'
import { brokenWords } from './broken-words.ts'
import { claimCues } from './claim-cues.ts'
import { doiFormat } from './doi-format.ts'
import { fieldProvenance } from './field-provenance.ts'
import { httpsUrls } from './https-urls.ts'
import { idMatchesFile } from './id-matches-file.ts'
import { journalFullName } from './journal-full-name.ts'
import { noHtml } from './no-html.ts'
import { pmidFormat } from './pmid-format.ts'
import { plainNote } from './plain-note.ts'
import type { RecordRule } from './rule.ts'
import { sourceKinds } from './source-kinds.ts'
import { verificationPresent } from './verification-present.ts'
import { yearPlausible } from './year-plausible.ts'

/** Every per-record rule, in the order they run. */
export const recordRules: readonly RecordRule[] = [
  idMatchesFile,
  doiFormat,
  pmidFormat,
  httpsUrls,
  yearPlausible,
  authorNames,
  verificationPresent,
  fieldProvenance,
  sourceKinds,
  authorsComplete,
  journalFullName,
  noHtml,
  brokenWords,
  claimCues,
  plainNote,
]
