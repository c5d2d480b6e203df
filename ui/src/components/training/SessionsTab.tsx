// Filled in by the training UI work.
export function SessionsTab() {
  return null;
}
