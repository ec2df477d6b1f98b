/**
 * Which version of the contract is in force when (spec §3, Versions). Version k is in force
 * from its effective_from to the day before the next one; the base from the beginning.
 */
import { addDays, type LocalDate } from '../local-date.js';
import type { Contract, Rule, Version } from './contract.js';

export interface Interval {
  /** First day, or null for "from the beginning". */
  readonly from: LocalDate | null;
  /** Last day, or null for "with no end". */
  readonly to: LocalDate | null;
}

export function versionIndexOn(contract: Contract, day: LocalDate): number {
  let index = 0;
  for (const [i, v] of contract.versions.entries()) {
    if (v.effectiveFrom !== null && v.effectiveFrom <= day) index = i;
  }
  return index;
}

export function versionOn(contract: Contract, day: LocalDate): Version {
  return contract.versions[versionIndexOn(contract, day)] as Version;
}

export function versionInterval(contract: Contract, index: number): Interval {
  const v = contract.versions[index] as Version;
  const next = contract.versions[index + 1];
  return {
    from: v.effectiveFrom,
    to: next?.effectiveFrom ? addDays(next.effectiveFrom, -1) : null,
  };
}

/** Ids of the versions in force on some day of [from, to]. */
export function versionsInForce(contract: Contract, from: LocalDate, to: LocalDate): string[] {
  return contract.versions
    .filter((_, i) => {
      const iv = versionInterval(contract, i);
      return (iv.from === null || iv.from <= to) && (iv.to === null || iv.to >= from);
    })
    .map((v) => v.id);
}

/** A rule as in force over an interval; consecutive versions with equal rules are merged. */
export interface RulePiece extends Interval {
  readonly rule: Rule;
}

export function rulePieces(contract: Contract, position: number): RulePiece[] {
  const pieces: RulePiece[] = [];
  for (const [i, v] of contract.versions.entries()) {
    const rule = v.outcomes[position] as Rule;
    const iv = versionInterval(contract, i);
    const last = pieces.at(-1);
    if (last && sameRule(last.rule, rule)) pieces[pieces.length - 1] = { ...last, to: iv.to };
    else pieces.push({ ...iv, rule });
  }
  return pieces;
}

function sameRule(a: Rule, b: Rule): boolean {
  const plain = (_: string, value: unknown) =>
    typeof value === 'bigint' ? value.toString() : value;
  return JSON.stringify(a, plain) === JSON.stringify(b, plain);
}
