// Filled in by the module's UI work.
export function AgreementPage() {
  return null;
}
