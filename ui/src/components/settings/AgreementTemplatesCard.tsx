// Filled in by the module's UI work.
export function AgreementTemplatesCard() {
  return null;
}
