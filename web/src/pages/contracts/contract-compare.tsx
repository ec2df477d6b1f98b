/**
 * Two sets of terms side by side, by part: any version of terms of any stored version of the
 * contract (the base and each amendment in each file). By default the terms in force now
 * against the ones before them: the latest amendment's changes.
 */
import { Group, NativeSelect, Stack, Text } from '@mantine/core';
import type { Contract } from '../../../../src/domain/contract/contract.js';
import { useMessages } from '../../i18n/use-messages.js';
import { diffTerms, type Terms } from './contract-diff.js';
import { termsLabel } from './contract-reading.js';
import { DiffTable } from './diff-table.js';

/** A stored version, parsed (a stored version always parses). */
export interface ParsedVersion {
  readonly version: number;
  readonly contract: Contract;
}

/** `<stored version>:<terms index>`, as the address holds it. */
export type TermsKey = `${number}:${number}`;

export function termsOf(parsed: readonly ParsedVersion[], key: string | undefined): Terms | null {
  const [version, index] = (key ?? '').split(':').map(Number);
  const found = parsed.find((p) => p.version === version);
  if (!found || index === undefined || !found.contract.versions[index]) return null;
  return { contract: found.contract, index };
}

/** The terms in force in the latest file, and the ones before them. */
export function defaultSides(
  parsed: readonly ParsedVersion[],
  inForce: number | null,
): { from: TermsKey; to: TermsKey } | null {
  const current = parsed.find((p) => p.version === inForce) ?? parsed.at(-1);
  if (!current) return null;
  const last = current.contract.versions.length - 1;
  const to: TermsKey = `${current.version}:${last}`;
  if (last > 0) return { from: `${current.version}:${last - 1}`, to };
  const before = parsed.filter((p) => p.version < current.version).at(-1);
  if (!before) return null;
  return { from: `${before.version}:${before.contract.versions.length - 1}`, to };
}

export function ContractCompare({
  parsed,
  from,
  to,
  onChange,
}: {
  readonly parsed: readonly ParsedVersion[];
  readonly from: string;
  readonly to: string;
  readonly onChange: (sides: { from: string; to: string }) => void;
}) {
  const { t, fmt } = useMessages();
  const options = [...parsed].reverse().flatMap((p) =>
    p.contract.versions.map((_, i) => ({
      value: `${p.version}:${i}`,
      label: `${t('web.contracts.version_n', { version: p.version })} · ${termsLabel(t, fmt, p.contract, i)}`,
    })),
  );
  const a = termsOf(parsed, from);
  const b = termsOf(parsed, to);
  return (
    <Stack gap="md">
      <Group align="flex-end" gap="md" wrap="wrap">
        <NativeSelect
          label={t('web.contracts.compare.from')}
          value={from}
          data={options}
          onChange={(event) => onChange({ from: event.currentTarget.value, to })}
          data-testid="compare-from"
        />
        <NativeSelect
          label={t('web.contracts.compare.to')}
          value={to}
          data={options}
          onChange={(event) => onChange({ from, to: event.currentTarget.value })}
          data-testid="compare-to"
        />
      </Group>
      {a && b ? (
        <DiffTable changes={diffTerms(a, b)} currency={b.contract.currency} />
      ) : (
        <Text size="sm">{t('web.contracts.compare.nothing')}</Text>
      )}
    </Stack>
  );
}
