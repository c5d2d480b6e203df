// WebDriver's "Element Clear" empties a field through the `value` setter and
// then fires `change`. React's value tracker sees the setter, so it never
// reports the edit and the next render puts the old text back. Under
// automation only, turn such a clear into an edit React notices.

const nativeValue = {
  input: Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value'),
  textarea: Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value'),
};

function onChange(e: Event) {
  const el = e.target;
  const native =
    el instanceof HTMLInputElement
      ? nativeValue.input
      : el instanceof HTMLTextAreaElement
        ? nativeValue.textarea
        : null;
  if (
    !native?.set ||
    !(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) ||
    el.value !== ''
  ) {
    return;
  }
  // Let the tracker hold a different value, put the DOM back to empty behind its
  // back, and announce an input: React then reports the field as cleared.
  el.value = ' ';
  native.set.call(el, '');
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

export function installWebDriverClearFix(target: Window = window) {
  target.addEventListener('change', onChange, true);
  return () => target.removeEventListener('change', onChange, true);
}
