/**
 * A programme's contract as people read it: every stored version's file, byte for byte,
 * with who made it, when and why (listContractVersions), so that the web app's contract page
 * shows the contract in force, lists its versions, compares any two and starts an amendment
 * from one answer. Contract files are a few kilobytes and versions few, so all of them come
 * at once.
 */
import type { Store } from '../store/database.js';
import { type ContractVersionView, listContractVersions } from './programmes.js';

export interface ContractText extends ContractVersionView {
  readonly yaml: string;
}

/** Every version of the programme's contract with its file, oldest first. */
export async function contractTexts(store: Store, programmeId: string): Promise<ContractText[]> {
  const [versions, files] = await Promise.all([
    listContractVersions(store, programmeId),
    store.db
      .selectFrom('contract_versions')
      .select(['version', 'yaml'])
      .where('programme_id', '=', programmeId)
      .execute(),
  ]);
  const yamlOf = new Map(files.map((f) => [f.version, f.yaml]));
  return versions.flatMap((v) => {
    const yaml = yamlOf.get(v.version);
    // A version added between the two reads is left for the next one.
    return yaml === undefined ? [] : [{ ...v, yaml }];
  });
}
