// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { CLS, hasClass } from './apply';

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
