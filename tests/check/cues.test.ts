import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { claimIds } from '../../src/index'
import { APART_STEPS, compileGroup, matchGroup, slotsApart, slotsCanNest } from '../../src/check/cue-syntax'
import { claimsIn } from '../../src/check/index'
import { cueMacros, cues } from '../../src/check/cues'
import { withConcepts } from '../../src/check/concepts'
import { compiledCues } from '../../src/check/match'
import { tokenize } from '../../src/check/text'
import { root } from '../helpers/paths'

describe('cue table', () => {
  it('has at least one compiled group for every tracked claim, and no other keys', () => {
    expect(Object.keys(cues).sort()).toEqual([...claimIds].sort())
    const compiled = compiledCues()
    expect(compiled.map((c) => c.claim)).toEqual([...claimIds].sort())
    for (const c of compiled) expect(c.groups.length).toBeGreaterThan(0)
  })
  it('keeps cues short: no alternative longer than five words', () => {
    for (const c of compiledCues())
      for (const g of c.groups)
        for (const slot of g.slots)
          for (const t of slot) expect(t.words.length, `${c.claim}: ${t.source}`).toBeLessThanOrEqual(5)
  })
})

describe('cue language', () => {
  const match = (group: Parameters<typeof compileGroup>[0], text: string) =>
    matchGroup(compileGroup(group, cueMacros, 'test'), tokenize(text))
  it('needs every slot; any alternative fills a slot', () => {
    expect(match('relief + within hours|same day', 'Relief came within hours.')).toEqual(['relief', 'within hours'])
    expect(match('relief + within hours|same day', 'Relief came later.')).toBeUndefined()
  })
  it('matches prefixes with * and plurals without', () => {
    expect(match('fad* + receptor', 'Effects faded at the receptors.')).toEqual(['fad*', 'receptor'])
    expect(match('receptor', 'receptive')).toBeUndefined()
  })
  it('matches phrases as consecutive words only', () => {
    expect(match('side effect*', 'side effects')).toEqual(['side effect*'])
    expect(match('side effect*', 'side, the effects')).toBeUndefined()
  })
  it('expands $macros and applies unless vetoes', () => {
    expect(match('$K + anesthe*', 'Esketamine is not an anaesthetic.')).toEqual(['esketamine', 'anesthe*'])
    expect(match({ all: 'trauma + ketamine', unless: 'injur*' }, 'Ketamine for trauma.')).toEqual([
      'trauma',
      'ketamine',
    ])
    expect(
      match({ all: 'trauma + ketamine', unless: 'injur*' }, 'Ketamine for injured trauma patients.'),
    ).toBeUndefined()
  })
  it('expands a $macro inside a phrase in place, so a word is tied to its neighbour', () => {
    expect(match('$KAP is a + treatment', 'Ketamine-assisted therapy is a treatment.')).toEqual([
      'assisted therapy is a',
      'treatment',
    ])
    expect(match('$KAP is a + treatment', 'KAP (ketamine therapy) is a treatment.')).toEqual([
      'ketamine therapy is a',
      'treatment',
    ])
    // Every word present, but "is a" does not follow a name of KAP.
    expect(match('$KAP is a + treatment', 'This forum is a place to talk about KAP treatment.')).toBeUndefined()
    expect(() => compileGroup('$NOPE is a', cueMacros, 'claim-w')).toThrow(/claim-w: unknown macro \$NOPE/)
  })
  it('compiles a group marked denies, with or without vetoes, and refuses an object that is only `all`', () => {
    expect(compileGroup({ all: '$K + completely safe', denies: true }, cueMacros, 'claim-d').denies).toBe(true)
    const vetoed = compileGroup({ all: '$K + safe', unless: 'not', denies: true }, cueMacros, 'claim-d')
    expect([vetoed.denies, vetoed.unless.map((t) => t.source)]).toEqual([true, ['not']])
    expect(compileGroup({ all: '$K + safe', unless: 'not' }, cueMacros, 'claim-d').denies).toBe(false)
    expect(compileGroup('$K + safe', cueMacros, 'claim-d').denies).toBe(false)
    expect(() => compileGroup({ all: '$K + safe' }, cueMacros, 'claim-e')).toThrow(
      /claim-e: a group written as an object needs unless, denies: true, or both/,
    )
  })
  it('reads a synonym-table group id as a concept class: $ptsd is every way the table writes PTSD', () => {
    expect(match('$ptsd + $K', 'Ketamine for post-traumatic stress disorder.')).toEqual([
      'post-traumatic stress disorder',
      'ketamine',
    ])
    expect(match('$ocd', 'People with obsessive-compulsive disorder')).toEqual(['obsessive-compulsive disorder'])
    expect(match('$contraindication', 'It is not suitable for everyone.')).toEqual(['not suitable'])
    expect(match('$ptsd', 'Trauma care in the emergency room.')).toBeUndefined()
  })
  it('keeps the checker macros and the concept classes apart', () => {
    expect(() => withConcepts({ ptsd: 'x' })).toThrow(/macro \$ptsd is also a concept of the synonym table/)
    expect(withConcepts({ K: 'ketamine' }).K).toBe('ketamine')
    expect(withConcepts({}).iv).toContain('intravenous')
  })
  it('rejects bad cues with a message naming the claim', () => {
    expect(() => compileGroup('a* + b', cueMacros, 'claim-x')).toThrow(
      /claim-x: prefix "a\*" is shorter than 3 letters/,
    )
    expect(() => compileGroup('$NOPE', cueMacros, 'claim-y')).toThrow(/claim-y: unknown macro \$NOPE/)
    expect(() => compileGroup('ok + ', cueMacros, 'claim-z')).toThrow(/claim-z/)
  })
})

describe('where the cues live', () => {
  it('come from the claim YAML files and never reach the records pages import', () => {
    const core = readFileSync(join(root, 'src', 'generated', 'core.ts'), 'utf8')
    const dir = join(root, 'src', 'generated', 'details')
    const details = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.json') || f.endsWith('.ts'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n')
    expect(details.length).toBeGreaterThan(10_000)
    const sample = 'eyeshade*|eye shade*'
    expect(JSON.stringify(cues)).toContain(sample)
    expect(core).not.toContain(sample)
    expect(details).not.toContain(sample)
    expect(core).not.toMatch(/"cues"/)
  })
})

describe('slots in words of their own', () => {
  const group = (g: Parameters<typeof compileGroup>[0]) => compileGroup(g, cueMacros, 'test')
  it('knows which groups have a slot whose alternative lies inside another slot’s', () => {
    expect(slotsCanNest(group('$KAP is a + therapy'))).toBe(true)
    expect(slotsCanNest(group('still depressed + depress*'))).toBe(true)
    expect(slotsCanNest(group('$K + relief + hour*'))).toBe(false)
  })
  it('fills each slot with words no other slot uses', () => {
    const nested = group('ketamine therapy is a + therap*')
    expect(slotsApart(nested, tokenize('Ketamine therapy is a breakthrough.'))).toBe(false)
    expect(slotsApart(nested, tokenize('Ketamine therapy is a treatment that pairs the drug with therapy.'))).toBe(true)
    // matchGroup applies the same rule as the checker.
    expect(matchGroup(nested, tokenize('Ketamine therapy is a breakthrough.'))).toBeUndefined()
    expect(matchGroup(nested, tokenize('Ketamine therapy is a treatment that pairs the drug with therapy.'))).toEqual([
      'ketamine therapy is a',
      'therap*',
    ])
  })
  it('stops after a bounded number of tries, so a hostile passage stays cheap', () => {
    // Every word fills every slot: the first placement works at once.
    const text = tokenize('therapy '.repeat(600))
    const started = performance.now()
    expect(slotsApart(group('ther* + therapy + therapy therapy'), text)).toBe(true)
    // Four one-word slots and one eight-word slot over eight words: no placement works, and trying them all would take
    // more than the step budget, so the answer is the benefit of the doubt.
    const eight = tokenize('therapy '.repeat(8))
    const hard = group(
      'therapy + therapy + therapy + therapy + therapy therapy therapy therapy therapy therapy therapy therapy',
    )
    expect(slotsApart(hard, eight)).toBe(true)
    expect(slotsApart(group('therapy + therapy therapy therapy therapy therapy therapy therapy therapy'), eight)).toBe(
      false,
    )
    expect(performance.now() - started).toBeLessThan(1000)
    expect(APART_STEPS).toBe(2_000)
  })
  it('keeps the definition of KAP from firing on "ketamine therapy is a …" alone in a draft', () => {
    const definition = 'kap-definition-ketamine-plus-psychotherapy'
    expect(claimsIn('Ketamine therapy is a hot topic this year.')).not.toContain(definition)
    expect(claimsIn('Ketamine therapy is a form of treatment that pairs the drug with talk sessions.')).toContain(
      definition,
    )
  })
})
