// The one stylesheet, injected once. Visibility is driven by attributes: each
// tagged first child says which filters would hide it, <html> says which
// filters are on, so switching a filter is one attribute change on <html>.
import { FILTERS } from '../core/settings';
import { ATTR, CLS } from './apply';

export const STYLE_ID = 'hashtag-triage-style';

export function css(): string {
  const rules: string[] = [];
  for (const f of FILTERS) {
    const on = `html[${ATTR.filters}~="${f}"]`;
    const main = `${on} [${ATTR.hidden}="${f}"]`;
    const also = `${on} [${ATTR.also}~="${f}"]`;
    rules.push(
      `${main},${also}{display:none!important}`,
      `${main}+.${CLS.placeholder},${also}+.${CLS.placeholder}{display:flex}`,
      // Cells after the first of a run are covered by its placeholder.
      `${main}[${ATTR.run}]+.${CLS.placeholder}{display:none}`,
      `${main}~[role="separator"],${also}~[role="separator"]{display:none}`,
    );
  }
  return `
.${CLS.placeholder}{display:none;align-items:center;gap:12px;min-height:32px;padding:4px 16px;box-sizing:border-box;
 border-bottom:1px solid rgba(128,128,128,.25);font:13px/18px system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:rgb(83,100,113)}
.${CLS.show}{font:inherit;font-weight:600;color:rgb(29,155,240);background:none;border:1px solid currentColor;border-radius:999px;
 padding:1px 12px;cursor:pointer}
.${CLS.show}:focus-visible{outline:2px solid rgb(29,155,240);outline-offset:2px}
.${CLS.badge}{margin:8px 16px 0 72px;padding:2px 8px;width:fit-content;border-radius:4px;font:12px/16px system-ui,-apple-system,sans-serif;
 color:rgb(0,105,60);background:rgba(0,186,124,.12)}
[${ATTR.seen}]>.${CLS.badge}{color:rgb(83,100,113);background:rgba(128,128,128,.12)}
@media (prefers-color-scheme:dark){.${CLS.placeholder}{color:rgb(139,152,165)}.${CLS.badge}{color:rgb(0,186,124)}}
${rules.join('\n')}
`;
}

/** Adds the stylesheet unless an earlier instance (before an extension update) already did. */
export function injectStyle(doc: Document): void {
  const text = css();
  const known = doc.getElementById(STYLE_ID);
  if (known) {
    if (known.textContent !== text) known.textContent = text;
    return;
  }
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = text;
  (doc.head ?? doc.documentElement).append(style);
}
