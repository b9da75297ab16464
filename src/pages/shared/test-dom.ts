// Small DOM helpers for the pages' tests (no jest-dom here).

export function isChecked(el: HTMLElement): boolean {
  return (el as HTMLInputElement).checked;
}

export function valueOf(el: HTMLElement): string {
  return (el as HTMLInputElement).value;
}

/** Text of the elements named by aria-describedby, as a screen reader would add it. */
export function description(el: HTMLElement): string {
  const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids
    .map((id) => el.ownerDocument.getElementById(id)?.textContent?.trim() ?? '')
    .join(' ')
    .trim();
}
