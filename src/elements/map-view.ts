// What `<kap-evidence-map>` shows, loaded with the map itself: a page without a map pays for neither its drawing nor
// this part of its element (its styles and how its picture scrolls).
import { evidenceMap } from '../map/index'

/**
 * The map element's styles. The map keeps a readable size and scrolls sideways in a narrow column; on a phone its
 * table of facts reads as a list.
 * @internal
 */
export const MAP_CSS =
  ':host{display:block}[part=map]{overflow-x:auto}svg{max-width:100%;min-width:45rem;height:auto}figure{margin:0}' +
  'th,td{text-align:left;vertical-align:top}@media(max-width:36em){table,caption,tbody,tr,th,td{display:block}' +
  'thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}}'

/**
 * The map's figure for a topic: the picture, its caption and the same facts as a table, for readers who cannot see
 * it. The picture alone scrolls (the caption and the table keep the column's width): the box that scrolls is a named
 * region in the tab order (named by the map's title), so that keyboard users can scroll it and screen readers say what
 * it is.
 * @param topic - the topic attribute, trimmed and lower-cased (the map checks it)
 * @param ownHtml - the elements' parser of HTML that kap-literature generated and escaped itself
 * @returns the figure
 * @internal
 */
export function mapView(topic: string, ownHtml: (html: string) => DocumentFragment): DocumentFragment {
  const map = ownHtml(evidenceMap({ topic: topic as never, format: 'html' }))
  const picture = map.querySelector<HTMLElement>('.kap-map-picture')!
  const name = picture.querySelector('title')?.textContent ?? 'Evidence map'
  for (const [k, v] of Object.entries({ part: 'map', role: 'region', tabindex: '0', 'aria-label': name }))
    picture.setAttribute(k, v)
  // A tab stop only while there is something to scroll: a column wide enough shows the whole map (audit 37, N-2).
  new ResizeObserver(() => (picture.tabIndex = picture.scrollWidth > picture.clientWidth ? 0 : -1)).observe(picture)
  return map
}
