import { describe, expect, it } from 'vitest';

import { pageWithin } from './paging';

describe('pageWithin', () => {
  it('keeps a page that exists', () => {
    expect(pageWithin(3, 150, 50)).toBe(3);
  });
  it('moves to the last page when rows went away', () => {
    expect(pageWithin(3, 100, 50)).toBe(2);
    expect(pageWithin(3, 101, 50)).toBe(3);
  });
  it('is page 1 for an empty list or a page below 1', () => {
    expect(pageWithin(4, 0, 50)).toBe(1);
    expect(pageWithin(0, 500, 50)).toBe(1);
  });
});
