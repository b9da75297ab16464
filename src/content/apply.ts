// Writes verdicts into the page: attributes on each cell's FIRST CHILD, a thin
// placeholder next to it that says why it is hidden (with a Show button), and a
// badge above kept offers. What is actually hidden is decided by the stylesheet
// from one attribute on <html> (see style.ts), so switching a filter never
// touches the cells. Nodes are built with createElement/textContent only.
import type { FilterName } from '../core/settings';
import type { Label } from '../core/types';
import type { Group, Occurrence } from './state';
import { CELL_TESTID } from './selectors';
import { placeholderText, type Translate } from './strings';

export const ATTR = {
  label: 'data-triage',
  hidden: 'data-triage-hidden',
  also: 'data-triage-also',
  run: 'data-triage-run',
  group: 'data-triage-group',
  revealed: 'data-triage-revealed',
  seen: 'data-triage-seen',
  filters: 'data-triage-filters',
} as const;

export const CLS = { placeholder: 'ht-ph', badge: 'ht-badge', show: 'ht-show', text: 'ht-ph-text', node: 'ht-node' } as const;

/** Longest run of hidden cells that one placeholder stands for: a long run never collapses to nothing. */
export const MAX_RUN = 8;

export interface ApplyContext {
  t: Translate;
  /** Formats an epoch-ms time for the badge. */
  time: (ms: number) => string;
  /** Called when the user reveals an occurrence (to remember it for re-created cells). */
  onReveal: (first: Element) => void;
}

function setAttr(el: Element, name: string, value: string | null): void {
  if (value === null) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
  } else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

const CLASS_SEPARATORS = /[\t\n\f\r ]+/;

/**
 * classList.contains(name), read from the class attribute: the first classList
 * access on an element builds a token list, and most elements asked about here
 * (new cells) are asked once.
 */
export function hasClass(el: Element, name: string): boolean {
  const c = el.getAttribute('class');
  if (c === null || !c.includes(name)) return false;
  if (c === name) return true;
  for (const token of c.split(CLASS_SEPARATORS)) if (token === name) return true;
  return false;
}

/** Our placeholder for a cell's first child, if there is one. */
export function placeholderOf(first: Element): HTMLElement | null {
  const next = first.nextElementSibling;
  return next && hasClass(next, CLS.placeholder) ? (next as HTMLElement) : null;
}

const BADGE_CLASS = `${CLS.badge} ${CLS.node}`;

function badgeOf(first: Element): HTMLElement | null {
  const b = first.firstElementChild;
  // A string compare: cheaper than classList in the content script's world.
  return b && b.className === BADGE_CLASS ? (b as HTMLElement) : null;
}

/** The badge text of a group changed (one more repost, seen before): update its badges in `root`. */
export function updateBadges(root: ParentNode, occ: Occurrence, reasons: FilterName[], ctx: ApplyContext): void {
  const text = badgeText(occ, reasons, ctx);
  for (const b of root.querySelectorAll(`[${ATTR.group}="${occ.group.id}"] > .${CLS.badge}`)) {
    if (b.textContent !== text) b.textContent = text;
  }
}

/** Tags the first child of a cell with the occurrence's label and the filters that would hide it. */
export function applyVerdict(first: HTMLElement, occ: Occurrence, reasons: FilterName[], ctx: ApplyContext): void {
  const hidden = occ.revealed ? [] : reasons;
  // Never tagged (the label is always written, and only with the rest): nothing of ours to compare or take off.
  const fresh = !first.hasAttribute(ATTR.label);
  const write = fresh ? setNew : setAttr;
  write(first, ATTR.label, occ.verdict.label);
  write(first, ATTR.hidden, hidden[0] ?? null);
  write(first, ATTR.also, hidden.length > 1 ? hidden.slice(1).join(' ') : null);
  write(first, ATTR.group, String(occ.group.id));
  write(first, ATTR.revealed, occ.revealed && reasons.length ? reasons.join(' ') : null);
  write(first, ATTR.seen, occ.verdict.label === 'offer' && occ.group.seenBefore ? '' : null);
  if (hidden.length) ensurePlaceholder(first, ctx, hidden[0] as FilterName, occ.verdict.label, fresh);
  else if (!fresh) placeholderOf(first)?.remove();
  if (occ.verdict.label === 'offer') renderBadge(first, occ, reasons, ctx, fresh);
  else if (!fresh) badgeOf(first)?.remove();
  if (!hidden.length && !fresh) first.removeAttribute(ATTR.run);
}

/** setAttr on an element that carries none of our attributes yet. */
function setNew(el: Element, name: string, value: string | null): void {
  if (value !== null) el.setAttribute(name, value);
}

let placeholderTemplate: HTMLElement | null = null;

/** A new placeholder gets the text of a run of one before it is inserted (refreshRun changes it for a longer run). */
function ensurePlaceholder(first: HTMLElement, ctx: ApplyContext, reason: FilterName, label: Label, fresh: boolean): HTMLElement {
  const known = fresh ? null : placeholderOf(first);
  if (known) return known;
  if (!placeholderTemplate || placeholderTemplate.ownerDocument !== first.ownerDocument) {
    const ph = first.ownerDocument.createElement('div');
    ph.className = `${CLS.placeholder} ${CLS.node}`;
    ph.setAttribute('role', 'note');
    const text = first.ownerDocument.createElement('span');
    text.className = CLS.text;
    const button = first.ownerDocument.createElement('button');
    button.type = 'button';
    button.className = CLS.show;
    button.textContent = ctx.t('content_show');
    ph.append(text, button);
    placeholderTemplate = ph;
  }
  // Cloning a ready node is cheaper than building one; clicks are handled by one listener (onShowClick).
  const ph = placeholderTemplate.cloneNode(true) as HTMLElement;
  (ph.firstElementChild as Element).textContent = placeholderText(ctx.t, reason, 1, label);
  first.after(ph);
  return ph;
}

/**
 * One click listener for every Show button (keyboard activation is a click too).
 * It only touches the DOM, so it keeps working after the extension context is
 * gone; it is removed only when a newer instance of the content script takes over.
 */
export function listenForShow(doc: Document, ctx: () => ApplyContext): () => void {
  const onClick = (e: Event) => {
    try {
      const button = e.target instanceof Element ? e.target.closest(`.${CLS.show}`) : null;
      const first = button?.parentElement?.previousElementSibling;
      if (!button || !first) return;
      e.stopPropagation();
      e.preventDefault();
      revealRun(first, ctx());
    } catch {
      // never into the page
    }
  };
  doc.addEventListener('click', onClick, true);
  return () => doc.removeEventListener('click', onClick, true);
}

/** Shows the hidden tweet and the run of hidden cells its placeholder stands for. */
export function revealRun(first: Element, ctx: ApplyContext): void {
  const cell = first.parentElement;
  const members: Element[] = [first];
  for (let c = cell?.nextElementSibling; c; c = c.nextElementSibling) {
    const f = c.firstElementChild;
    if (!f?.hasAttribute(ATTR.run)) break;
    members.push(f);
  }
  for (const f of members) {
    const reasons = [f.getAttribute(ATTR.hidden), ...(f.getAttribute(ATTR.also) ?? '').split(' ')].filter(Boolean).join(' ');
    f.removeAttribute(ATTR.hidden);
    f.removeAttribute(ATTR.also);
    f.removeAttribute(ATTR.run);
    if (reasons) f.setAttribute(ATTR.revealed, reasons);
    placeholderOf(f)?.remove();
    ctx.onReveal(f);
  }
  const article = first.querySelector('article');
  if (article instanceof HTMLElement) article.focus({ preventScroll: true });
}

// ---- runs of hidden cells -------------------------------------------------------

function runKey(first: Element | null | undefined): string | null {
  const h = first?.getAttribute(ATTR.hidden);
  if (!first || !h) return null;
  return h === 'repeat' ? `repeat:${first.getAttribute(ATTR.group) ?? ''}` : h;
}

// Attribute and tag compared directly: the same test as matching SEL.cell, without a selector per call.
const firstOf = (cell: Element | null | undefined) =>
  cell && cell.tagName === 'DIV' && cell.getAttribute('data-testid') === CELL_TESTID ? cell.firstElementChild : null;

/**
 * Groups consecutive hidden cells with the same reason (and, for repeats, the
 * same message) under the placeholder of the first one, at most MAX_RUN per
 * placeholder. Called for a cell that was added, re-tagged or whose neighbour
 * went away; it fixes the run the cell belongs to. `done`: cells whose run was
 * already fixed since the page last changed (a batch of cells added together
 * mostly belongs to one or two runs): they are passed over, and the cells of
 * this run join them.
 */
export function refreshRun(cell: Element | null, ctx: ApplyContext, labelOf: (first: Element) => Label, done?: Set<Element>): void {
  if (!cell || done?.has(cell)) return;
  const first = firstOf(cell);
  if (!first) return;
  const key = runKey(first);
  // A shown cell carries no run mark: applyVerdict and revealRun take it off whenever a cell stops being hidden.
  if (key === null) {
    done?.add(cell);
    return;
  }
  // Walk back to the start of the run (bounded: the run may only grow by this cell).
  let head = cell;
  let atStart = false;
  for (let i = 0; i < MAX_RUN * 4; i++) {
    const prev = head.previousElementSibling;
    if (!prev || runKey(firstOf(prev)) !== key) {
      atStart = true;
      break;
    }
    head = prev;
  }
  // The cells walked from the run's true start; they are settled below if the whole run was seen.
  const members: Element[] | null = done && atStart ? [] : null;
  let whole = false;
  // Walk forward, starting a new placeholder every MAX_RUN cells.
  let lead: Element | null = null;
  let size = 0;
  const close = () => {
    if (lead) setPlaceholderText(lead, size, ctx, labelOf);
  };
  for (let c: Element | null = head, i = 0; ; c = c.nextElementSibling, i++) {
    if (!c) {
      whole = true;
      break;
    }
    if (i >= MAX_RUN * 8) break;
    const f = firstOf(c);
    if (!f || runKey(f) !== key) {
      whole = true;
      break;
    }
    members?.push(c);
    if (lead && size < MAX_RUN) {
      size += 1;
      setAttr(f, ATTR.run, 'more');
    } else {
      close();
      lead = f;
      size = 1;
      f.removeAttribute(ATTR.run);
    }
  }
  close();
  // A call from any cell of a run this short walks back to the same start, and groups it the same way:
  // the run is settled. A longer one is grouped from wherever each call starts, as before.
  if (done && members && whole && members.length <= MAX_RUN * 4) for (const m of members) done.add(m);
}

function setPlaceholderText(first: Element, count: number, ctx: ApplyContext, labelOf: (first: Element) => Label): void {
  const ph = placeholderOf(first);
  const reason = first.getAttribute(ATTR.hidden) as FilterName | null;
  if (!ph || !reason) return;
  const text = placeholderText(ctx.t, reason, count, labelOf(first));
  const span = ph.firstElementChild;
  if (span && span.textContent !== text) span.textContent = text;
  // One placeholder text per run member, for the stylesheet's "also" rules and screen readers.
  for (let c = first.parentElement?.nextElementSibling, i = 1; c && i < count; c = c.nextElementSibling, i++) {
    const f = firstOf(c);
    const own = f && placeholderOf(f)?.firstElementChild;
    const one = f && placeholderText(ctx.t, reason, 1, labelOf(f));
    if (own && one && own.textContent !== one) own.textContent = one;
  }
}

// ---- badge above a kept offer -------------------------------------------------------------

function badgeParts(occ: Occurrence, group: Group, reasons: FilterName[], ctx: ApplyContext): string[] {
  const parts: string[] = [ctx.t('content_badge_offer')];
  if (group.firstPostedAt !== null) parts.push(ctx.t('content_badge_firstPosted', ctx.time(group.firstPostedAt)));
  const reposts = group.count - 1;
  if (reposts === 1) parts.push(ctx.t('content_badge_reposts_one'));
  else if (reposts > 1) parts.push(ctx.t('content_badge_reposts_many', reposts));
  if (group.seenBefore) parts.push(ctx.t('content_badge_seenBefore'));
  if (group.closed || occ.verdict.offer?.status === 'closed') parts.push(ctx.t('content_badge_closed'));
  else if (reasons.includes('stale')) parts.push(ctx.t('content_badge_stale'));
  return parts;
}

const badgeTexts = new WeakMap<Group, { sig: string; text: string }>();

function badgeText(occ: Occurrence, reasons: FilterName[], ctx: ApplyContext): string {
  // The text only changes with the group: remember it per group instead of rebuilding it per cell.
  const g = occ.group;
  const closed = g.closed || occ.verdict.offer?.status === 'closed';
  const sig = `${g.count}|${g.seenBefore}|${g.firstPostedAt}|${closed}|${reasons.includes('stale')}`;
  let memo = badgeTexts.get(g);
  if (!memo || memo.sig !== sig) {
    memo = { sig, text: badgeParts(occ, g, reasons, ctx).join(' · ') };
    badgeTexts.set(g, memo);
  }
  return memo.text;
}

function renderBadge(first: HTMLElement, occ: Occurrence, reasons: FilterName[], ctx: ApplyContext, fresh: boolean): void {
  const text = badgeText(occ, reasons, ctx);
  let badge = fresh ? null : badgeOf(first);
  if (!badge) {
    // Filled before it is inserted: one change to the page, not two.
    badge = first.ownerDocument.createElement('div');
    badge.className = BADGE_CLASS;
    badge.textContent = text;
    first.prepend(badge);
  } else if (badge.textContent !== text) badge.textContent = text;
}
