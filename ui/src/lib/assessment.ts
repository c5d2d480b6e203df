// Same arithmetic as core/src/assessment.rs: Σ(score × weight) / Σweight in
// hundredths, rounded half away from zero, in integers only.
import type { Tier } from '../bindings/Tier';
import type { TierThresholds } from '../bindings/TierThresholds';

export type WeightedScore = { weight: number; score: number };

export function weightedTotalCenti(scores: WeightedScore[]): number {
  const weights = scores.reduce((s, c) => s + c.weight, 0);
  if (weights === 0) return 0;
  const num = scores.reduce((s, c) => s + c.score * c.weight, 0);
  // round(num * 100 / weights) for non-negative values
  return Math.floor((num * 200 + weights) / (2 * weights));
}

export function centiText(centi: number): string {
  const whole = Math.floor(centi / 100);
  const frac = String(centi % 100).padStart(2, '0');
  return `${whole}.${frac}`;
}

export function recommendTier(totalCenti: number, t: TierThresholds): Tier {
  if (totalCenti >= t.strategic_min * 100) return 'strategic';
  if (totalCenti >= t.core_min * 100) return 'core';
  return 'basic';
}
