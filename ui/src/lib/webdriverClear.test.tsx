import { act, render } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';

import { installWebDriverClearFix } from './webdriverClear';

function Field() {
  const [v, setV] = useState('91110000802100433C');
  return (
    <>
      <input id="f" value={v} onChange={(e) => setV(e.target.value)} />
      <output id="o">{v}</output>
    </>
  );
}

/** What WebDriver's Element Clear does: set through the property, then fire change. */
function webdriverClear(el: HTMLInputElement) {
  act(() => {
    el.value = '';
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

describe('WebDriver clear', () => {
  it('is lost on a controlled React input without the fix', () => {
    render(<Field />);
    webdriverClear(document.getElementById('f') as HTMLInputElement);
    expect(document.getElementById('o')?.textContent).toBe('91110000802100433C');
  });

  it('reaches React state with the fix', () => {
    uninstall = installWebDriverClearFix();
    render(<Field />);
    webdriverClear(document.getElementById('f') as HTMLInputElement);
    expect(document.getElementById('o')?.textContent).toBe('');
    expect((document.getElementById('f') as HTMLInputElement).value).toBe('');
  });
});
