// Filled in by the module's UI work.
export function OnboardingStepsCard() {
  return null;
}
