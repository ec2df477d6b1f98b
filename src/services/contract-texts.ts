/**
 * A programme's contract as people read it: every stored version's file, byte for byte,
 * with who made it, when and why (listContractVersions), so that the web app's contract page
 * shows the contract in force, lists its versions, compares any two and starts an amendment
 * from one answer. Contract files are a few kilobytes and versions few, so all of them come
 * at once.
 */
import { parseContract } from '../domain/contract/parse-contract.js';
import type { Store } from '../store/database.js';
import { type ContractVersionView, listContractVersions } from './programmes.js';

export interface ContractText extends ContractVersionView {
  readonly yaml: string;
}

export interface ContractTexts {
  /** Oldest first. */
  readonly versions: readonly ContractText[];
  /** The latest version in force, its title and currency; null before any. */
  readonly inForce: {
    readonly version: number;
    readonly title: string;
    readonly currency: string;
  } | null;
}

/** Every version of the programme's contract with its file, and the one in force. */
export async function contractTexts(store: Store, programmeId: string): Promise<ContractTexts> {
  const versions = await versionTexts(store, programmeId);
  const inForce = versions.filter((v) => v.status === 'in_force').at(-1);
  const contract = inForce ? parseContract(inForce.yaml).contract : null;
  return {
    versions,
    inForce:
      inForce && contract
        ? { version: inForce.version, title: contract.title, currency: contract.currency }
        : null,
  };
}

async function versionTexts(store: Store, programmeId: string): Promise<ContractText[]> {
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
