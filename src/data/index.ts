export { findStudy, normalizeDoi, type StudyQuery } from './find'
export { getClaim, getSource, getStudy, isClaimId, isSourceId, isStudyId } from './lookup'
export { claimsCiting, evidenceFor } from './relations'
export { citationCsl, isCitable } from './citable'
