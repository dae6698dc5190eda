// The detection cues of the claim checker, one entry per tracked claim (the type makes a missing or unknown claim id
// a compile error). The language is described in cue-syntax.ts and docs/claim-checker.md. Cues are short words and
// phrases written from the claim statements and the way clinic pages phrase them; they never quote a page.
//
// Writing cues: prefer two or three slots that only co-occur when the claim is made (a subject, what is claimed about
// it, and a qualifier). Run `npx vitest run tests/check` to see precision and recall after any change.
import type { ClaimId } from '../index'
import type { CueGroup } from './cue-syntax'

/** Named alternative lists, used in cues as `$NAME`. @internal */
export const cueMacros: Readonly<Record<string, string>> = {
  K: 'ketamine|esketamine|spravato|kap|ketalar',
  KAP: 'kap|ketamine assisted|assisted psychotherapy|assisted therapy|ketamine therapy|ketamine with psychotherapy|ketamine with therapy|ketamine and psychotherapy|ketamine and therapy',
  THER: 'therap*|psychotherap*|counsel*',
  // How pages say a condition is an indication: "used for", "a good fit for people experiencing", "options for".
  FOR: 'used for|commonly used|good fit|a fit|fit for|may suit|suited|suitable for|benefit from|may benefit|helpful for|especially helpful|particularly helpful|help with|helps with|options for|option for|treatment option*|offered for|offer it to|considered for|candidate*|experiencing|struggling with|living with|looking for|indicat*|for people with|for those with|for individuals with|for adults with|for patients with|treat*',
  ROUTE: 'lozenge*|troche*|sublingual*|oral|intramuscular*|injection*|nasal*|intranasal*|intraven*|iv|infusion*',
}

/** A draft must name one of these somewhere before any claim is looked for. @internal */
export const subjectTerms = 'ketamine|esketamine|arketamine|spravato|ketalar|kap|ketamine assisted'

/** The cue groups per claim: a passage makes the claim if any one group matches it. @internal */
export const cues: { readonly [K in ClaimId]: readonly CueGroup[] } = {
  'acute-effects-45-min-to-hours-route-dependent': [
    '45|forty five + minute* + hour*',
    'effect*|experience|session* + last* + depend* + method*|route*|administ*|how it is given|way it is given',
  ],
  'acute-effects-last-45-to-90-minutes': [
    '45|forty five + 90|ninety + minute*|min',
    'effect*|experience + shorter + psychedelic*|psilocybin|lsd|mdma',
  ],
  'acute-experience-needed-for-transformation': [
    'non hallucinogenic|nonhallucinogenic|without hallucinogenic|without the trip|hallucinogen free|trip free + psychedelic*|experience*|journey*|transform*',
    'journey|trip + removed|lost|without + vital|essential|necessary|needed|matter*|transform*',
  ],
  'acute-state-loosens-thinking-patterns': [
    'loosen* + thought*|thinking|pattern*|defen*|habit*',
    'inner critic|self critic*|negative thought loop*|thought loop*|ruminat*|negative thought*',
    'shift*|interrupt*|disrupt*|break* + thought pattern*|thinking pattern*|patterns of thinking|patterns of thought|habitual thought*|usual thought*',
    'new perspective|fresh perspective|different perspective|new angle + emotion*|experience*|trauma*',
  ],
  'animal-studies-prefrontal-growth-signalling': [
    'prefrontal + growth signal*|growth factor*|bdnf|mtor|growth',
    'animal*|rodent*|mice|mouse|rat + growth factor*|growth signal*|bdnf|mtor|synaptogen*',
  ],
  'classic-psychedelics-act-on-serotonin-receptors': ['psychedelic*|psilocybin|lsd|mdma + serotonin|5 ht2a|5ht2a|5 ht'],
  'contraindications-psychosis-bipolar-medical': [
    'psychosis|psychotic|schizophren*|bipolar|mania|manic + not|candidate*|exclud*|contraindicat*|unsuitable|avoid|should not|poor|screen*',
    'everyone|everybody|all patients|every patient + not|isn t|isnt|no + fit|suitable|option|right|candidate*|appropriate',
  ],
  'conventional-antidepressants-slow-onset': [
    'antidepressant*|ssri*|snri*|traditional treatment*|conventional treatment* + week*|month* + take|takes|taking|before|over|up to|several|can',
  ],
  'depression-involves-synapse-loss-ketamine-may-reverse': [
    'nerve cell*|neuron*|brain cell*|synap* + lose|lost|loss|losing|shrink*|atroph*|fewer|wither* + connect*|synap*|dendrit*|spine*',
    'revers* + neuroplastic*|synap*|connection*|atroph*|damage*',
  ],
  'dore-2019-significant-lasting-improvements': [
    'dore + improv*|lasting|significant*|mood|anxiety|effective*|benefit*|reduc*|outcome*',
  ],
  'dosing-setting-eyeshades-music': [
    'eyeshade*|eye shade*|eye mask*|eyemask*|blindfold*',
    'music|playlist* + session*|dos*|inward|journey|altered state',
    'calm|comfortable|quiet|relaxing|soothing + room|environment|setting|space + session*|dos*',
  ],
  'indication-anxiety': [
    'anxiety|anxious + $FOR + $K|$KAP',
    'anxiety + most commonly used|commonly used|good fit|especially helpful|particularly helpful',
  ],
  'indication-chronic-pain-with-psychological-component': [
    'chronic pain|pain condition* + psycholog*|emotional|mental health|psychiatric|component',
  ],
  'indication-emotional-numbness-disconnection': ['numb* + emotion*|disconnect*'],
  'indication-existential-distress-terminal-illness': [
    'existential + distress|anxiety|suffering|crisis|dread|despair',
    'terminal* ill*|terminal diagnos*|end of life|life limiting|life threatening illness* + distress|anxiety|depress*|suffering|despair',
  ],
  'indication-obsessive-thoughts-or-behaviours': ['obsess*|ocd|obsessive compulsive'],
  'indication-ptsd-and-trauma': [
    'ptsd|post traumatic|posttraumatic|complex trauma',
    {
      all: 'trauma*|grief + $FOR|heal from|healing from|process*|recover* + $K|$KAP|$THER',
      unless: 'injur*|emergency|prehospital|surg*|fracture*|bleeding|hemorrhag*|burn*|accident*',
    },
  ],
  'indication-treatment-resistant-depression': [
    'treatment resistant|treatment refractory|trd|resistant depression|refractory depression|difficult to treat depression',
    { all: 'depress* + $FOR + $K|$KAP', unless: 'treatment continue*|treatment stop*' },
    'depress* + not lifted|not improved|not responded|has not responded|haven t responded|didn t respond|not helped|no response|failed + antidepressant*|treatment*|medication*',
  ],
  'infusions-may-be-starting-point-for-fast-relief': [
    'infusion* + starting point|first step|place to start|way to start|good start|entry point',
    'not ready|don t feel ready|aren t ready|not feel ready + deeper|therapeutic work|therap* + infusion*|relief',
  ],
  'integration-after-effects-wear-off': [
    'integrat* + after|afterward*|follow up|following|later + session*|process*|make sense|insight*|daily life|everyday life|real life',
    'wear* off|wore off|worn off|has faded|have faded + integrat*|follow up|make sense|process*|insight*',
    'make sense of|process what|what came up|what comes up|what surfaced + session*|experience*|ketamine + therap*|life|lives',
  ],
  'integration-most-important-determines-durability': [
    'integrat* + most important|most meaningful|key part|crucial|determin*|lasting impact|how lasting|critical|where the real|durab*',
    'insight*|breakthrough* + fade|fades|fading|lost|disappear*|slip* + unless|without|anchor*|integrat*',
    'integrat* + matters most|part that matters|most important part|most important step',
  ],
  'kap-accesses-hard-to-reach-emotional-material': [
    'hard to reach|hard to access|harder to access|difficult to access|difficult to reach|otherwise inaccessible|buried|repressed',
    'subconscious|unconscious mind|unconscious material',
    'emotional breakthrough*|breakthrough insight*',
    'emotion* + surface|emerge|unlock*|uncover* + ketamine|session|insight*',
  ],
  'kap-available-now-while-psilocybin-mdma-await-approval': [
    'clinical trial*|trials|approval + psilocybin|mdma|psychedelic* + still|await*|waiting|undergoing|ongoing|not yet|pending|yet to',
    'right now|today|available now|currently available|legally available|already available + $K|$KAP + trial*|psilocybin|mdma|legal*|licensed',
  ],
  'kap-breakthrough-cutting-edge-promising': [
    'cutting edge|leading edge|forefront|revolution*|game changer|game changing|miracle',
    {
      all: 'breakthrough + treatment*|mental health|psychiatr*|care|therap*',
      unless: 'emotional breakthrough*|breakthroughs that',
    },
    'most promising|promising path|promising option*|promising new|promising treatment*|promising approach*',
    'hope|hopeful + other* + fail*|closed|nothing else|not worked|haven t worked|didn t work',
  ],
  'kap-care-team-prescriber-and-therapist': [
    'medical provider*|medical professional*|physician*|doctor*|prescriber*|psychiatrist*|nurse*|provider* + therapist*|psychotherapist*|counsel* + administer*|prescrib*|monitor*|gives the|give the|gives you|check*',
    'therapist*|psychotherapist* + not|never|doesn t|does not|don t|do not + administer*|prescrib*',
  ],
  'kap-ceremonial-shamanic-spiritual-healing': [
    'ceremonial|ceremony|ceremonies|shaman*|soul retrieval|sacred path|sacred medicine|ritual* + $K|$KAP|heal*|therap*',
  ],
  'kap-definition-ketamine-plus-psychotherapy': [
    'combin*|pairs|paired|pairing|joins|merg*|blend*|couples|coupled|brings together|bring together|unites|together with + ketamine|medicine|medication + psychotherap*|therapy|therapeutic',
    '$KAP + is a|is an|refers to|means + treatment|approach|therapy|model|modality|form of',
  ],
  'kap-differs-from-recreational-use-by-intentionality': [
    'recreational|experimental|party + intention*|follow through|follow up|purpose',
  ],
  'kap-effective-for-certain-conditions': [
    '$KAP|psychotherapy + effective|effectiveness|efficacy|efficacious|works for',
  ],
  'kap-for-complex-dissociation-and-did': ['dissociative identity', 'complex dissociation', 'did + dissociat*'],
  'kap-for-people-not-helped-by-standard-treatment': [
    'tried|trying|try + multiple|several|many|various|other|different + therap*|medication*|treatment*|antidepressant*|approach* + without success|not work*|failed|haven t|didn t|despite|no relief|stuck|without relief',
    'haven t|hasn t|have not|has not|don t|didn t|did not|not + respond*|relief|worked|helped|improv* + traditional|standard|conventional|other|first line|usual|previous + treatment*|approach*|therap*|medication*|antidepressant*',
    'despite + trying|tried + treatment*|therap*|medication*',
    'not lifted|not improved|not responded|not helped|no better|not gotten better|failed + after|despite|two or more|several|multiple + antidepressant*|treatment*|medication*|therap*',
  ],
  'kap-has-risks-and-side-effects': [
    'risk* + side effect*|adverse effect*|adverse event* + kap|treatment|therapy|like any|as with any|all treatment*',
  ],
  'kap-helps-face-reality-not-escape': ['escap* + reality|face it|face reality|facing reality'],
  'kap-holistic-spiritual-transformation': [
    'holistic|spiritual*|soul|spirit + transform*|heal*|path*|approach*|growth',
  ],
  'kap-is-tool-within-therapy-not-standalone-cure': [
    'tool + therap*|relationship|process|exploration',
    'quick fix|magic bullet|cure all|silver bullet|standalone cure|not a cure|magic pill',
    'jump start*|jumpstart*|catalyst|complement* + therap*|heal*|process|change',
    'more than + psychedelic experience|a drug|a medication|a pill|just a drug',
  ],
  'kap-produces-lasting-relief-and-change': [
    'lasting|sustainable|sustained|long lasting|durable|long term|permanent|enduring + relief|change*|heal*|improvement*|result*|benefit*|transformation',
  ],
  'kap-requires-licensed-professionals-and-regulatory-compliance': [
    'licensed|qualified|trained|certified|experienced|credentialed + professional*|provider*|clinician*|practitioner* + must|should|only by|only under|only with|only be|under|important|supervision|care of|always',
    'state|federal + regulation*|law*|rule*|compliance|compliant',
  ],
  'kap-routes-lozenge-im-nasal-iv': [
    'lozenge*|troche*|sublingual* + intramuscular*|nasal*|intranasal*|intraven*|iv|injection*|infusion*',
    'intramuscular* + nasal*|intranasal* + $THER|kap|session*',
  ],
  'kap-safe-and-profoundly-healing-when-done-well': ['safe*|intention* + profound*|deeply + heal*'],
  'kap-therapy-helps-apply-insights-in-life': [
    'setting boundaries|set boundaries|past wounds|old wounds|meaning and purpose + therap*|learn*|insight*|heal*|apply',
    'carry|carrying + healing|insight*|learned|what they learn* + their lives|your life|real life',
  ],
  'kap-three-phase-structure': [
    'three|3 + phase*|stage*|part*|component*|step* + kap|$THER|session*|preparation|integrat*',
    'prepar* + integrat* + dos*|medicine session|ketamine session|session*',
    'before + during + after + $THER|session*',
  ],
  'kap-trauma-informed-therapy-like-emdr': ['emdr|trauma informed + $KAP|ketamine|dissociat*'],
  'kap-uses-lower-than-anesthetic-dose': [
    'lower|subanesthetic|sub anesthetic|smaller|fraction + dos* + anesthe*|$THER|session*',
  ],
  'kap-vs-infusion-different-aims': [
    'infusion* + kap|psychotherap*|therapy + symptom*|differ*|unlike|whereas|not just|different outcome*|different need*|serve different',
  ],
  'ketamine-acts-on-nmda-glutamate': ['nmda|glutamat*'],
  'ketamine-alters-emotion-and-self-awareness-networks': [
    'self awareness|default mode + brain|region*|network*|area*',
    'network* + communicat*|connectiv* + brain',
  ],
  'ketamine-antidepressant-effect-via-ampa-metabolite': [
    'metabolite*|breakdown product*|hnk|hydroxynorketamine|norketamine + antidepress*|ampa|depress*|effect*',
    'ampa + activat*|metabolite*|breakdown',
  ],
  'ketamine-approved-anesthetic-prescribed-off-label': [
    'off label',
    'fda|approved + anesthe* + prescrib*|psychiatr*|mental health',
  ],
  'ketamine-dose-range-shapes-experience': [
    'psycholytic',
    'dose range*|dose level*|different dose*|higher dose*|lower dose*|dosing|dosage* + psychedelic|experience + shape*|differ*|determin*|depend*',
  ],
  'ketamine-experience-dissociative-not-psychedelic': [
    'dissociative + rather than|instead of|not a|unlike|different from|differs from + psychedelic*|hallucinogen*|trip',
  ],
  'ketamine-intensity-more-predictable': ['predictab* + intensity|effect*|experience|dose*'],
  'ketamine-is-anesthetic-dissociative-class': [
    'dissociative + anesthe*',
    'as an anesthe*|as anesthe*|an anesthetic|general anesthe*|injectable anesthe*|anesthetics in|anesthetic agent|anesthetic drug|anesthetic medication|used in anesthe*|for anesthe*',
  ],
  'ketamine-mechanism-incompletely-understood': [
    'nobody knows|no one knows|not yet understood|not entirely understood|remains a mystery|still unknown|still unclear|open question|still learning|not fully understood|not completely understood|incompletely understood|poorly understood|not well understood|remains unclear|remain unclear|unclear how|unknown how|not yet known|not fully known|still being studied|not entirely clear|exactly how + $K|work*|mechanism*',
  ],
  'ketamine-plus-therapy-stronger-outcomes': [
    'stronger|better|greater|improved|enhanc*|superior|more durable|longer lasting + outcome*|result*|effect*|response*|impact + combin*|plus|alongside|adding|added|with therap*|with psychotherap*|paired',
    '$THER + longer than|better than|more than|greater than|outperform* + alone|on its own|without',
  ],
  'ketamine-promotes-rapid-neuroplasticity': [
    'neuroplastic*|synaptogen*|neurogenesis|new neural connection*|new connection*|plasticity of the brain|brain plasticity|new synapse*|synapse formation|synaptic growth',
  ],
  'ketamine-relief-within-hours': [
    'within hours|within a day|within 24 hours|within a few hours|hours of|within one day|same day + relief|better|improv*|depress*|mood|antidepress*|symptom*|respon*',
    {
      all: 'fast acting|fast|rapid*|quick|quickly + relief|antidepressant*|mood|respon*|depress*',
      unless: 'quick fix',
    },
  ],
  'ketamine-reshapes-pathways-and-habits': [
    'reshap*|rewir*|remodel* + pathway*|brain|circuit*|connection*',
    'healthier + habit*|thinking|pattern*|behavior*',
  ],
  'low-dose-ketamine-antidepressant-and-anxiolytic': [
    'low dose*|low doses|in low doses|subanesthetic|sub anesthetic|small dose* + antidepressant*|anti anxiety|anxiolytic|depress*|anxiety',
  ],
  'only-fda-approved-psychedelic-adjacent-drug-for-mental-health': [
    'only + approv* + psychedelic*|mental health|depress*|psychiatr*',
  ],
  'preparation-sets-intentions-and-educates': [
    'prepar* + therapist*|intention*|goal*|expect*|concern*',
    'intention*|goal* + before|prior to|ahead of + dos*|ketamine|session*|administer*',
  ],
  'psychedelic-assisted-therapy-growing-interest': [
    'recent years|growing|increasing|renewed|gained|gaining + interest|attention|research|popularity|explor* + psychedelic*|mental health|psychiatr*|therap*',
  ],
  'psychotherapy-techniques-somatic-and-parts-work': [
    'somatic|body focused|body based|parts work|parts based|internal family systems|ifs',
  ],
  'rapid-relief-valuable-in-crisis-or-severe-depression': [
    'crisis|crises|suicid*|severe depression + fast|rapid*|quick*|within hours',
  ],
  'standalone-infusions-iv-medical-model': [
    'standalone|stand alone|on its own|only|alone + infusion* + intraven*|iv|medical|biochemical',
    'medical in nature|medical model|biochemical effect*|biochemical action + infusion*|ketamine',
  ],
  'standalone-ketamine-relief-short-lived': [
    'relief|benefit*|improvement*|antidepressant effect*|response* + not last|short lived|short term|wear off|wears off|wane|temporary|transient|brief|fade* + infusion*|ketamine|standalone|alone|without therap*',
  ],
  'therapist-present-during-dosing': [
    'therapist*|guide|sitter* + present|support*|guide*|guiding|accompan*|sits with|with you|available + session|dos*|experience|through',
  ],
  'therapy-in-plasticity-window-more-effective': [
    'window + plasticity|neuroplastic*',
    'plasticity|neuroplastic*|flexible + therap* + stronger|more effective|easier|deeper|valuable|greater impact',
  ],
  'thorough-screening-is-standard-and-essential': [
    'screen*|assessment|evaluat* + thorough|essential|standard|proper|careful|required|necessary|comprehensive + psycholog*|psychiatric|mental health|kap|candidate*|program*|medical',
  ],
  'typical-acute-subjective-effects': [
    'detach*|dissociat*|out of body|dreamlike|floating + relax*|altered perception|perception|euphori*|calm + feel*|sense|experience|during',
  ],
  'wilkinson-therapy-strengthens-ketamine-in-trd': [
    'wilkinson + therap*|psychotherap*|cbt|strength*|confirm*|depress*',
  ],
  'without-therapy-ketamine-effects-fade-faster': [
    'without|no|absent + therap*|psychotherap* + fade*|wear off|wane|sooner|more quickly|faster|short*|not last',
    'grunebaum',
    '$THER + longer than|sooner than|faster than|shorter than + alone|on its own|without',
  ],
}
