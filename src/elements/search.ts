// What `<kap-search>` uses of the search entry, in the chunk it loads: a dynamic import keeps every export of the
// module it names, and the entry's facet counts (which the box does not show) would cost every page with a search box
// about 0.4 KB gzip.
export { didYouMean, loadFullText, search } from '../search/index'
