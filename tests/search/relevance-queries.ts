/**
 * Realistic queries from three user groups, each with the records that must appear in the top 3.
 * Used by relevance.test.ts (floors) and bench/search.ts (workload).
 */
export interface RelevanceCase {
  readonly group: 'visitor' | 'writer' | 'educator'
  readonly query: string
  /** Records (`type:id`) that must appear in the top 3, most relevant first. */
  readonly expect: readonly string[]
}

export const relevanceCases: readonly RelevanceCase[] = [
  // A clinic visitor: plain words, questions, typos, half-typed words.
  { group: 'visitor', query: 'ketamine for PTSD', expect: ['study:feder-2021', 'study:feder-2014'] },
  { group: 'visitor', query: 'does ketamine help ptsd?', expect: ['study:feder-2021'] },
  { group: 'visitor', query: 'KAP for trauma', expect: ['claim:indication-ptsd-and-trauma'] },
  {
    group: 'visitor',
    query: 'how long do the effects last',
    // Both claims answer the question (one says 45–90 minutes, the other 45 minutes to hours by route).
    expect: ['claim:acute-effects-45-min-to-hours-route-dependent', 'claim:acute-effects-last-45-to-90-minutes'],
  },
  { group: 'visitor', query: 'ketamine side effects', expect: ['study:short-2018'] },
  { group: 'visitor', query: 'is KAP risky', expect: ['claim:kap-has-risks-and-side-effects'] },
  {
    group: 'visitor',
    query: 'spravato',
    expect: ['study:fda-esketamine-monotherapy-2025', 'study:fda-esketamine-2020'],
  },
  { group: 'visitor', query: 'nasal spray depression', expect: ['study:daly-2019'] },
  { group: 'visitor', query: 'integration sesions', expect: ['claim:integration-after-effects-wear-off'] },
  { group: 'visitor', query: 'eyeshades and music', expect: ['claim:dosing-setting-eyeshades-music'] },
  { group: 'visitor', query: 'ketamine alcohol', expect: ['study:dakwar-2020', 'study:grabski-2022'] },
  { group: 'visitor', query: 'heroin adiction', expect: ['study:krupitsky-2002'] },
  { group: 'visitor', query: 'OCD', expect: ['study:rodriguez-2013'] },
  { group: 'visitor', query: 'obsessive thoughts', expect: ['claim:indication-obsessive-thoughts-or-behaviours'] },
  { group: 'visitor', query: 'sublingual at home', expect: ['study:hull-2022'] },
  { group: 'visitor', query: 'chronic pain', expect: ['study:orhurhu-2019'] },
  { group: 'visitor', query: 'terminal illness', expect: ['claim:indication-existential-distress-terminal-illness'] },
  { group: 'visitor', query: 'how fast does ketamine work', expect: ['claim:ketamine-relief-within-hours'] },
  {
    group: 'visitor',
    query: 'ketamine infusion without therapy',
    expect: ['claim:without-therapy-ketamine-effects-fade-faster'],
  },
  { group: 'visitor', query: 'bipolar', expect: ['claim:contraindications-psychosis-bipolar-medical'] },
  {
    group: 'visitor',
    query: 'psilocybin mdma approval',
    expect: ['claim:kap-available-now-while-psilocybin-mdma-await-approval'],
  },
  { group: 'visitor', query: 'samadhi', expect: ['source:samadhi-kap-vs-infusions'] },
  { group: 'visitor', query: 'ketamine assisted psychotherapy demogr', expect: ['study:dore-2019'] },
  // A writer checking a citation: author + year, a pasted identifier, the title as remembered.
  { group: 'writer', query: 'grunebaum 2018', expect: ['study:grunebaum-2018'] },
  { group: 'writer', query: 'Gruenbaum et al 2018', expect: ['study:grunebaum-2018'] },
  { group: 'writer', query: 'Dore et al., 2019', expect: ['study:dore-2019'] },
  {
    group: 'writer',
    query: 'Wilkinson 2022',
    expect: ['claim:wilkinson-therapy-strengthens-ketamine-in-trd', 'study:wilkinson-2021'],
  },
  { group: 'writer', query: '10.1056/NEJMoa2302399', expect: ['study:anand-2023'] },
  { group: 'writer', query: 'https://doi.org/10.1176/appi.ajp.2017.17060647', expect: ['study:grunebaum-2018'] },
  { group: 'writer', query: 'doi:10.1080/02791072.2019.1587556', expect: ['study:dore-2019'] },
  { group: 'writer', query: 'PMID: 34186531', expect: ['study:wilkinson-2021'] },
  { group: 'writer', query: 'NCT03113968', expect: ['study:anand-2023'] },
  { group: 'writer', query: 'Feder 2014', expect: ['study:feder-2014'] },
  { group: 'writer', query: 'zarate 2006 NMDA antagonist', expect: ['study:zarate-2006'] },
  { group: 'writer', query: 'Murrough midazolam', expect: ['study:murrough-2013'] },
  { group: 'writer', query: 'Berman 2000', expect: ['study:berman-2000'] },
  { group: 'writer', query: 'Krystal 1994', expect: ['study:krystal-1994'] },
  { group: 'writer', query: 'TRANSFORM-2 esketamine', expect: ['study:popova-2019'] },
  { group: 'writer', query: 'Moda-Sava spine formation', expect: ['study:moda-sava-2019'] },
  { group: 'writer', query: 'Phillips maintenance infusions', expect: ['study:phillips-2019'] },
  { group: 'writer', query: 'ketamine versus ECT', expect: ['study:anand-2023'] },
  { group: 'writer', query: 'Taming the Ketamine Tiger', expect: ['study:domino-2010'] },
  // An educator preparing a topic: mechanisms, designs, comparisons.
  { group: 'educator', query: 'NMDA glutamate', expect: ['claim:ketamine-acts-on-nmda-glutamate'] },
  { group: 'educator', query: 'neuroplasticity', expect: ['claim:ketamine-promotes-rapid-neuroplasticity'] },
  { group: 'educator', query: 'AMPA metabolite', expect: ['claim:ketamine-antidepressant-effect-via-ampa-metabolite'] },
  { group: 'educator', query: 'hydroxynorketamine', expect: ['study:shirayama-2018'] },
  { group: 'educator', query: 'mTOR synapse formation', expect: ['study:li-2010'] },
  { group: 'educator', query: 'CBT after ketamine TRD', expect: ['study:wilkinson-2021', 'study:wilkinson-2017'] },
  { group: 'educator', query: 'mindfulness cocaine', expect: ['study:dakwar-2019'] },
  { group: 'educator', query: 'motivational enhancement', expect: ['study:dakwar-2020'] },
  { group: 'educator', query: 'prolonged exposure veterans', expect: ['study:shiroma-2020'] },
  { group: 'educator', query: 'esketamine monotherapy', expect: ['study:fda-esketamine-monotherapy-2025'] },
  { group: 'educator', query: 'consensus statement mood disorders', expect: ['study:sanacora-2017'] },
  {
    group: 'educator',
    query: 'serotonin receptors psychedelics',
    expect: ['claim:classic-psychedelics-act-on-serotonin-receptors'],
  },
  { group: 'educator', query: 'dose route frequency', expect: ['study:andrade-2017'] },
  { group: 'educator', query: 'dissociative anaesthetic', expect: ['claim:ketamine-is-anesthetic-dissociative-class'] },
  {
    group: 'educator',
    query: 'off-label prescribing',
    expect: ['claim:ketamine-approved-anesthetic-prescribed-off-label'],
  },
  { group: 'educator', query: 'preparation dosing integration', expect: ['claim:kap-three-phase-structure'] },
  {
    group: 'educator',
    query: 'screening before treatment',
    expect: ['claim:thorough-screening-is-standard-and-essential'],
  },
  { group: 'educator', query: 'somatic parts work', expect: ['claim:psychotherapy-techniques-somatic-and-parts-work'] },
  { group: 'educator', query: 'learned helplessness rats', expect: ['study:shirayama-2018'] },
  { group: 'educator', query: 'cannabis use disorder', expect: ['study:azhari-2021'] },
  { group: 'educator', query: 'suicidal ideation meta-analysis', expect: ['study:wilkinson-2018'] },
  { group: 'educator', query: 'psychedelic therapy heroin', expect: ['study:krupitsky-2002'] },
]
