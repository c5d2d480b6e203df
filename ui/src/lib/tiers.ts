// Tier names: the company's own names from settings, else the built-in ones.
import type { Tier } from '../bindings/Tier';
import type { TierLabel } from '../bindings/TierLabel';

/**
 * The name to show for a tier: the settings' label for the language when
 * settings are loaded and that label is not blank, otherwise `fallback(tier)`
 * (the i18n default `tier.<key>`).
 */
export function tierLabel(
  tier: Tier,
  language: string,
  labels: readonly TierLabel[] | null | undefined,
  fallback: (tier: Tier) => string,
): string {
  const entry = labels?.find((l) => l.tier === tier);
  const custom = (language.toLowerCase().startsWith('zh') ? entry?.label_zh : entry?.label_en)?.trim();
  return custom ? custom : fallback(tier);
}
