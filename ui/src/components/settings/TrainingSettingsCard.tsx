// Filled in by the training UI work.
export function TrainingSettingsCard() {
  return null;
}
