// Filled in by the training UI work.
export function SessionPage() {
  return null;
}
