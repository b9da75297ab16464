// Content script entry: tags tweets on x.com.
const cells = document.querySelectorAll('div[data-testid="cellInnerDiv"]');
for (const cell of cells) {
  const first = cell.firstElementChild;
  if (first) first.setAttribute('data-triage', 'other');
}
