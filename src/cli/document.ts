import {
  createCitationSession,
  type CitableId,
  type CitationFormat,
  type CitationSession,
  type CitationStyle,
} from '../citations/index'

/**
 * Renders a finished document's citations: citeproc tells cites apart across the whole document (two "Dakwar et al.,
 * 2019" papers become "Dakwar, et al." and "Dakwar, Levin, et al."), but a session only knows the studies cited so far.
 * So `render` runs once to learn which studies the document cites, then again in a session that has cited them all
 * already, in the same order, so the first citation is told apart too and numbers do not change. `render` must be
 * deterministic.
 * @internal
 */
export function renderDocument<T>(
  style: CitationStyle,
  format: CitationFormat,
  render: (session: CitationSession) => T,
): T {
  const first = createCitationSession({ style, format })
  render(first)
  const session = createCitationSession({ style, format })
  for (const id of first.cited()) session.cite(id as CitableId)
  return render(session)
}
