/**
 * The types every per-style entry (`kap-literature/citations/<style>`) re-exports, listed once.
 * @internal
 * @packageDocumentation
 */
export type { StyleCitations } from './bind'
export type { CitableId } from './ids'
export type {
  CitationFormat,
  CitationsCitationOptions,
  CitationSession,
  CitationStyle,
  CitationsFormatOptions,
} from './engine'
