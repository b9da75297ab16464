// Public face of the triage classifier: pure code, no DOM, no browser API. The
// content script, the CLI and the tests all call it unchanged.
export { classify, classifyWith, MAX_CUES } from './classify';
export { ACTIONABLE_CUE_KINDS, CUE_KINDS, UI_LANGS, describeCue, describeCueKind, isActionableKind, type UiLang } from './cues';
export { LEXICON_LANGS } from './lexicon';
export type { Classification, Cue, Label, Message } from '../types';
