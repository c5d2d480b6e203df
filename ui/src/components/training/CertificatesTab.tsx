// Filled in by the training UI work.
export function CertificatesTab() {
  return null;
}
