import '@testing-library/jest-dom/vitest';
import { afterEach, vi } from 'vitest';
import { cleanup } from '@testing-library/react';

afterEach(() => {
  cleanup();
});

// jsdom lacks these; antd's responsive helpers and tables query them.
if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }),
  });
}

class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
if (!('ResizeObserver' in window)) {
  Object.defineProperty(window, 'ResizeObserver', { writable: true, value: NoopResizeObserver });
}

// antd measures scrollbars via getComputedStyle with pseudo elements, which jsdom does not implement.
const originalGetComputedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (elt: Element, pseudo?: string | null) =>
  originalGetComputedStyle(elt, pseudo ? undefined : pseudo);

// Component tests render as the office without users: whoever is at the PC
// may do everything (the login screen and rights have their own journeys).
vi.mock('./src/ipc/login', async (importOriginal) => {
  const real = await importOriginal<typeof import('./src/ipc/login')>();
  const open = {
    required: false,
    user: null,
    first_owner: false,
    rights: ['users', 'settings', 'backup', 'channel', 'finance', 'service', 'training', 'export'],
  };
  return {
    ...real,
    useLoginState: () => ({ data: open, isPending: false }),
    useRights: () => ({ loaded: true, may: () => true }),
  };
});
