// The clinic page: plain ESM over the package's entries, bundled for the browser into ./vendor/kap.js
// (see scripts/build-example.mjs). Every piece of text goes into the DOM as text nodes, never as innerHTML of
// user input; the only HTML inserted is kap-literature's own escaped citation HTML.
import {
  search,
  didYouMean,
  facets,
  getClaim,
  getStudy,
  isCitable,
  apa,
  toJsonLd,
  loadDetails,
  vocabularies,
  cslCredit,
  citeProse,
  dataVersion,
} from './vendor/kap.js'

const FEATURED = [
  'without-therapy-ketamine-effects-fade-faster',
  'ketamine-plus-therapy-stronger-outcomes',
  'dore-2019-significant-lasting-improvements',
  'wilkinson-therapy-strengthens-ketamine-in-trd',
]
const verdictLabel = new Map(vocabularies.verdicts.map((v) => [v.id, v.label]))

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag)
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') node.className = v
    else node.setAttribute(k, v)
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)))
  return node
}

/** Text with highlight ranges wrapped in <mark>, built from text nodes only. */
function highlighted(text, ranges) {
  const frag = document.createDocumentFragment()
  let at = 0
  for (const { start, end } of [...ranges].sort((a, b) => a.start - b.start)) {
    if (start < at) continue
    frag.append(document.createTextNode(text.slice(at, start)), el('mark', {}, text.slice(start, end)))
    at = end
  }
  frag.append(document.createTextNode(text.slice(at)))
  return frag
}

function badge(verdict) {
  return el('span', { class: `badge badge-${verdict}` }, verdictLabel.get(verdict) ?? verdict)
}

/** One result row. Exported on window for the browser test. */
export function renderResult(result) {
  const li = el('li', { 'data-id': result.id, 'data-type': result.type })
  li.append(el('span', { class: 'type' }, result.type))
  if (result.type === 'claim') li.append(badge(getClaim(result.id).verdict))
  li.append(
    el(
      'strong',
      {},
      highlighted(
        result.title,
        result.highlights.filter((h) => h.field === 'title'),
      ),
    ),
  )
  if (result.snippet)
    li.append(
      el(
        'span',
        { class: 'note' },
        highlighted(
          result.snippet,
          result.highlights.filter((h) => h.field === 'snippet'),
        ),
      ),
    )
  // A study kept as a lead (authors, title or date unconfirmed) has no reference to show.
  if (result.type === 'source' || (result.type === 'study' && isCitable(getStudy(result.id)))) {
    const ref = el('span', { class: 'reference' })
    // apa.formatReference's HTML is kap-literature's own: every text escaped, links built from validated DOIs.
    ref.innerHTML = apa.formatReference(result.id, { format: 'html' })
    li.append(ref)
  }
  return li
}

const form = document.getElementById('search-form')
const q = document.getElementById('q')
const typeSelect = document.getElementById('type')
const verdictSelect = document.getElementById('verdict')
const status = document.getElementById('status')
const list = document.getElementById('results')

function fillSelect(select, values) {
  for (const f of values) select.append(el('option', { value: String(f.value) }, `${f.label} (${f.count})`))
}
const all = facets()
fillSelect(typeSelect, all.type)
fillSelect(verdictSelect, all.verdict)

/** At most this many results are listed; the status line says how many matched. */
const SHOWN = 20

function update() {
  // Every match (there are a few hundred records), so that the status line can say how many there are.
  const options = { limit: 1000 }
  if (typeSelect.value) options.types = typeSelect.value
  if (verdictSelect.value) options.verdict = verdictSelect.value
  // A clinic page lists only what it can cite: studies kept as leads (details unconfirmed) are left out.
  const matches = search(q.value, options).filter((r) => r.type !== 'study' || isCitable(getStudy(r.id)))
  const results = matches.slice(0, SHOWN)
  list.replaceChildren(...results.map(renderResult))
  // When a word had to be corrected, say what was searched.
  const corrected = didYouMean(q.value)
  status.textContent =
    q.value.trim() === ''
      ? typeSelect.value || verdictSelect.value
        ? 'Type a word to search; the filters you chose narrow the results.'
        : 'Type to search.'
      : `${matches.length} result${matches.length === 1 ? '' : 's'}` +
        `${corrected === undefined ? '' : ` for “${corrected}”`}` +
        `${matches.length > results.length ? `, the first ${results.length} shown` : ''}`
}
form.addEventListener('submit', (e) => e.preventDefault())
for (const input of [q, typeSelect, verdictSelect]) input.addEventListener('input', update)

// Featured claims with their verdicts and the studies behind them, from the records' cores (in the page's bundle).
// The verdict notes are detail: each is its own small chunk, loaded after first paint.
const claimList = document.getElementById('claims')
for (const id of FEATURED) {
  const claim = getClaim(id)
  // One citation for all the studies, as APA groups them: "(Price et al., 2022; Wilkinson et al., 2017, 2021)".
  const cites = apa.formatCitation(claim.evidence.map((e) => e.study))
  const note = el('span', { class: 'note verdict-note' }, '')
  claimList.append(
    el(
      'li',
      { 'data-claim': id, id: `claim-${id}` },
      badge(claim.verdict),
      el('strong', {}, claim.statement),
      note,
      el('span', { class: 'note' }, `Evidence: ${cites}`),
    ),
  )
}
const details = Promise.all(FEATURED.map((id) => loadDetails(id)))

// schema.org JSON-LD for the reviewed claims, in the head, with the verdict notes as reviewBody once they are here.
// textContent is safe: the JSON never becomes markup.
// Google's fact-check guidelines require each ClaimReview's url (where the review is shown: here, the claim's item on
// this page) and recommend its datePublished; only you know them (docs/jsonld.md). Set the day you publish the page.
// Each review also names the clinic pages that made the claim and publishes our rating of them from your site: read
// "Before you publish a ClaimReview" in docs/jsonld.md first.
const PUBLISHED = '2026-12-07'
const onThisPage = (ld) => ({
  ...ld,
  '@graph': ld['@graph'].map((review, i) => ({
    ...review,
    url: `${location.origin}${location.pathname}#claim-${FEATURED[i]}`,
    datePublished: PUBLISHED,
  })),
})
const ld = el('script', { type: 'application/ld+json' })
ld.textContent = JSON.stringify(onThisPage(toJsonLd(FEATURED)))
document.head.append(ld)
const notesShown = details.then((list) => {
  // Study ids in a note become the APA citations a reader can look up; the same text is the JSON-LD reviewBody.
  const readable = list.map((d) => ({
    ...d,
    verdictNote: citeProse(d.verdictNote, apa.createCitationSession(), 'text'),
  }))
  readable.forEach((d, i) => {
    claimList.querySelector(`li[data-claim="${FEATURED[i]}"] .verdict-note`).textContent = d.verdictNote
  })
  ld.textContent = JSON.stringify(onThisPage(toJsonLd(FEATURED, { details: readable })))
})

document.getElementById('credit').textContent = cslCredit
document.getElementById('version').textContent = `kap-literature data ${dataVersion}. Not medical advice.`
status.textContent = 'Type to search.'
window.kapExample = { renderResult, getStudy, ready: false }
notesShown.then(() => {
  window.kapExample.ready = true
})
