// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { seeded } from '../core/seeded';
import { ATTR, CLS, hasClass, refreshRun, type ApplyContext } from './apply';

describe('hasClass', () => {
  it('answers as classList.contains does', () => {
    const classes = [null, '', 'ht-node', 'ht-ph ht-node', 'ht-node ht-ph', ' ht-ph\tht-node\n', 'ht-nodes', 'xht-node', 'ht-ph', 'a  b', 'ht-node-x ht-ph'];
    const el = document.createElement('div');
    let hits = 0;
    for (const c of classes) {
      if (c === null) el.removeAttribute('class');
      else el.setAttribute('class', c);
      for (const name of [CLS.node, CLS.placeholder, 'b']) {
        expect(hasClass(el, name), `${JSON.stringify(c)} has ${name}`).toBe(el.classList.contains(name));
        if (el.classList.contains(name)) hits += 1;
      }
    }
    expect(hits).toBe(10);
  });
});

describe('refreshRun', () => {
  const ctx: ApplyContext = { t: (key, ...subs) => `${key}:${subs.join(',')}`, time: String, onReveal: () => {} };
  const labelOf = () => 'sympathy' as const;

  /** A list of cells: each hidden one (by its reason, and group for repeats) with its placeholder, as applyVerdict leaves them. */
  function list(spec: (string | null)[]): HTMLElement {
    const root = document.createElement('div');
    spec.forEach((s, i) => {
      const cell = document.createElement('div');
      cell.setAttribute('data-testid', 'cellInnerDiv');
      const first = document.createElement('div');
      first.setAttribute(ATTR.label, 'sympathy');
      first.setAttribute(ATTR.group, s?.startsWith('repeat') ? s.slice(6) : String(i));
      cell.append(first);
      if (s !== null) {
        first.setAttribute(ATTR.hidden, s.startsWith('repeat') ? 'repeat' : s);
        const ph = document.createElement('div');
        ph.className = `${CLS.placeholder} ${CLS.node}`;
        ph.append(document.createElement('span'));
        cell.append(ph);
      }
      root.append(cell);
    });
    return root;
  }

  it('groups a batch the same when each run is fixed once', () => {
    const rand = seeded(7);
    const kinds = [null, 'sympathy', 'stale', 'repeat1', 'repeat2'];
    let runs = 0;
    for (let round = 0; round < 200; round++) {
      // One round in four: a run longer than refreshRun walks back over.
      const long = round % 4 === 0;
      const spec = Array.from({ length: 5 + Math.floor(rand() * (long ? 80 : 40)) }, () =>
        long ? (rand() < 0.97 ? 'sympathy' : null) : (kinds[Math.floor(rand() * (rand() < 0.6 ? 2 : kinds.length))] ?? null),
      );
      const a = list(spec);
      const b = list(spec);
      // A batch: a random stretch of cells, each refreshed with the cell after it (as the session does).
      const from = long ? Math.max(0, spec.length - 1 - Math.floor(rand() * 20)) : Math.floor(rand() * spec.length);
      const to = Math.min(spec.length, from + 1 + Math.floor(rand() * 12));
      const done = new Set<Element>();
      for (let i = from; i < to; i++) {
        const ca = a.children[i] as Element;
        refreshRun(ca, ctx, labelOf);
        refreshRun(ca.nextElementSibling, ctx, labelOf);
        const cb = b.children[i] as Element;
        refreshRun(cb, ctx, labelOf, done);
        refreshRun(cb.nextElementSibling, ctx, labelOf, done);
      }
      expect(b.innerHTML).toBe(a.innerHTML);
      runs += a.querySelectorAll(`[${ATTR.run}]`).length;
    }
    // Runs were grouped at all: the comparison is not between untouched lists.
    expect(runs).toBeGreaterThan(100);
  });
});
