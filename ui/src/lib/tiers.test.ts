import { describe, expect, it } from 'vitest';

import type { Tier } from '../bindings/Tier';
import type { TierLabel } from '../bindings/TierLabel';
import { tierLabel } from './tiers';

const fallback = (t: Tier) => `default:${t}`;

const labels: TierLabel[] = [
  { tier: 'strategic', label_zh: '钻石', label_en: 'Diamond' },
  { tier: 'core', label_zh: '金牌', label_en: 'Gold' },
  { tier: 'basic', label_zh: '  ', label_en: '' },
];

describe('tierLabel', () => {
  it('uses the settings label for the current language', () => {
    expect(tierLabel('strategic', 'zh-CN', labels, fallback)).toBe('钻石');
    expect(tierLabel('core', 'en', labels, fallback)).toBe('Gold');
    expect(tierLabel('core', 'en-US', labels, fallback)).toBe('Gold');
    expect(tierLabel('core', 'zh', labels, fallback)).toBe('金牌');
  });

  it('falls back to the default name while settings are not loaded', () => {
    expect(tierLabel('core', 'zh-CN', undefined, fallback)).toBe('default:core');
    expect(tierLabel('core', 'en', null, fallback)).toBe('default:core');
    expect(tierLabel('core', 'en', [], fallback)).toBe('default:core');
  });

  it('falls back for a blank label or a tier missing from the list', () => {
    expect(tierLabel('basic', 'zh-CN', labels, fallback)).toBe('default:basic');
    expect(tierLabel('basic', 'en', labels, fallback)).toBe('default:basic');
    expect(tierLabel('basic', 'en', labels.slice(0, 2), fallback)).toBe('default:basic');
  });

  it('trims the label', () => {
    expect(tierLabel('core', 'en', [{ tier: 'core', label_zh: '核心', label_en: ' Key ' }], fallback)).toBe(
      'Key',
    );
  });
});
