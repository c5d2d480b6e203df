// Filled in by the training UI work.
export function ComplianceTab() {
  return null;
}
