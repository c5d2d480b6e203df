// Filled in by the module's UI work.
export function RebatesPage() {
  return null;
}
