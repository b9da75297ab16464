// Cue kinds and their descriptions in the interface languages (data/cues.json),
// so the page can say why a tweet was hidden in the user's language.
import cueData from '../../../data/cues.json';
import type { Cue } from '../types';

export const UI_LANGS = ['en', 'nl', 'fr', 'de'] as const;
export type UiLang = (typeof UI_LANGS)[number];

interface CueKindInfo {
  group: string;
  actionable: boolean;
  blocksSympathy?: boolean;
  /** Keeps a message visible even inside a hashtag ("#missing"); most cues do not, as crisis tags name help. */
  inTag?: boolean;
  text: Record<UiLang, string>;
}

const kinds = (cueData as unknown as { kinds: Record<string, CueKindInfo> }).kinds;

/** Every cue kind the classifier can report. */
export const CUE_KINDS: readonly string[] = Object.freeze(Object.keys(kinds));

/** Kinds that keep a message visible: it carries something someone can act on. */
export const ACTIONABLE_CUE_KINDS: readonly string[] = Object.freeze(CUE_KINDS.filter((k) => kinds[k]?.actionable === true));

const byKind = new Map<string, CueKindInfo>(Object.entries(kinds));

export function cueInfo(kind: string): CueKindInfo | undefined {
  return byKind.get(kind);
}

export function isActionableKind(kind: string): boolean {
  return cueInfo(kind)?.actionable === true;
}

export function blocksSympathyKind(kind: string): boolean {
  const info = cueInfo(kind);
  return info?.actionable === true || info?.blocksSympathy === true;
}

/** Whether a hit of this kind keeps the message visible; `inTag`: found inside a hashtag. */
export function vetoesSympathy(kind: string, inTag: boolean): boolean {
  return blocksSympathyKind(kind) && (!inTag || cueInfo(kind)?.inTag === true);
}

function pickLang(uiLang: string | null | undefined): UiLang {
  const code = typeof uiLang === 'string' ? uiLang.slice(0, 2).toLowerCase() : 'en';
  return (UI_LANGS as readonly string[]).includes(code) ? (code as UiLang) : 'en';
}

/**
 * Short description of what a cue kind means, e.g. "a phone number" /
 * "een telefoonnummer". Unknown kinds come back as the kind itself.
 */
export function describeCueKind(kind: string, uiLang?: string | null): string {
  const info = cueInfo(kind);
  if (!info) return kind;
  return info.text[pickLang(uiLang)] ?? info.text.en;
}

/** Description plus evidence, e.g. 'a phone number: "0470 12 34 56"'. */
export function describeCue(cue: Cue, uiLang?: string | null): string {
  const what = describeCueKind(cue.kind, uiLang);
  const ev = typeof cue.evidence === 'string' ? cue.evidence.trim() : '';
  return ev === '' ? what : `${what}: “${ev}”`;
}
