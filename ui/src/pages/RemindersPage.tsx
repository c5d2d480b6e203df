// Filled in by the module's UI work.
export function RemindersPage() {
  return null;
}
