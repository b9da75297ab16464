// A character trie for prefix and suffix lookups without building substrings:
// walking a token once reports every stored pattern it starts (or ends) with.

export interface TrieNode<T> {
  next: Map<number, TrieNode<T>> | null;
  values: T[] | null;
}

export function newTrie<T>(): TrieNode<T> {
  return { next: null, values: null };
}

/** Store value under key, read forwards (prefix trie) or backwards (suffix trie). */
export function trieAdd<T>(root: TrieNode<T>, key: string, value: T, backwards: boolean): void {
  let node = root;
  const n = key.length;
  for (let k = 0; k < n; k++) {
    const c = key.charCodeAt(backwards ? n - 1 - k : k);
    node.next ??= new Map();
    let child = node.next.get(c);
    if (!child) {
      child = { next: null, values: null };
      node.next.set(c, child);
    }
    node = child;
  }
  (node.values ??= []).push(value);
}

/**
 * Call visit(value) for every stored key that is a prefix (or, backwards, a
 * suffix) of word. Cost is bounded by the word's length.
 */
export function trieWalk<T>(root: TrieNode<T>, word: string, backwards: boolean, visit: (value: T) => void): void {
  let node: TrieNode<T> | undefined = root;
  const n = word.length;
  for (let k = 0; k < n && node; k++) {
    const next: Map<number, TrieNode<T>> | null = node.next;
    if (!next) return;
    node = next.get(word.charCodeAt(backwards ? n - 1 - k : k));
    if (node && node.values) for (const v of node.values) visit(v);
  }
}

/**
 * The values trieWalk would visit, in the same order, appended to list (created
 * when the first one is found); returns list. No callback: cheaper per word.
 */
export function trieCollect<T>(root: TrieNode<T>, word: string, backwards: boolean, list: T[] | null): T[] | null {
  let node: TrieNode<T> | undefined = root;
  const n = word.length;
  for (let k = 0; k < n; k++) {
    const next: Map<number, TrieNode<T>> | null = node.next;
    if (!next) return list;
    node = next.get(word.charCodeAt(backwards ? n - 1 - k : k));
    if (!node) return list;
    const values = node.values;
    if (values) {
      list ??= [];
      for (let v = 0; v < values.length; v++) list.push(values[v] as T);
    }
  }
  return list;
}
