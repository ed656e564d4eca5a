/** The AWS accounts of linked enterprises, remembered for as long as the tab is open (no storage given). */
import type {AccountIdMemory} from './types.ts';

export function accountIdsInMemory(): AccountIdMemory {
  const ids = new Map<number, string>();
  return {
    load: async () => ids,
    remember: async (enterpriseId, awsAccountId) => void ids.set(enterpriseId, awsAccountId),
  };
}
