// Filled in by the module's UI work.
export function OnboardingPipelinePage() {
  return null;
}
