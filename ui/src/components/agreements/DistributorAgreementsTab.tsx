import type { Distributor } from '../../bindings/Distributor';

// Filled in by the module's UI work.
export function DistributorAgreementsTab({ distributor }: { distributor: Distributor }) {
  void distributor;
  return null;
}
