import {
  createCitationSession,
  type CitableId,
  type CitationFormat,
  type CitationSession,
  type CitationStyle,
} from '../citations/index'

/**
 * Renders a finished document's citations: citeproc tells cites apart across the whole document (in MLA the two
 * "Dakwar et al." papers become "Dakwar, et al." and "Dakwar, Levin, et al."; in APA two first authors who share a
 * surname but not their initials get them), but a session only knows the records it is told about. So `render` runs
 * once to learn which records the document cites, then again in a session that declares them all up front (`cites`),
 * so the first citation is told apart too; numbers still follow the order of first citation.
 * `render` must be deterministic.
 * @internal
 */
export function renderDocument<T>(
  style: CitationStyle,
  format: CitationFormat,
  render: (session: CitationSession) => T,
): T {
  const first = createCitationSession({ style, format })
  render(first)
  return render(createCitationSession({ style, format, cites: first.cited() as readonly CitableId[] }))
}
