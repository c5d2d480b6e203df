import type { Distributor } from '../../bindings/Distributor';

// Filled in by the training UI work.
export function DistributorTrainingTab({ distributor }: { distributor: Distributor }) {
  void distributor;
  return null;
}
