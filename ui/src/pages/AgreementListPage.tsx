// Filled in by the module's UI work.
export function AgreementListPage() {
  return null;
}
