import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

import type { Tier } from '../bindings/Tier';
import { useSettings } from '../ipc/queries';
import { tierLabel } from '../lib/tiers';

/**
 * `(tier) => name` in the current language: the names set under Settings once
 * they are loaded, else the built-in `tier.<key>` translations. Every place
 * that shows a tier name goes through this.
 */
export function useTierLabel(): (tier: Tier) => string {
  const { t, i18n } = useTranslation();
  const { data } = useSettings();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const labels = data?.tier_labels;
  return useCallback(
    (tier: Tier) => tierLabel(tier, language, labels, (x) => t(`tier.${x}`)),
    [language, labels, t],
  );
}
