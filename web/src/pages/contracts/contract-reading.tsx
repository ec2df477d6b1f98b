/**
 * The contract in force, as a programme officer reads it rather than as YAML: its period,
 * enrolment and currency; who is eligible and the segments; how the terms changed over time
 * (the base, then each amendment with its day and reason); and, for the terms chosen (the
 * latest by default), every outcome with what counts, from when, within how long, its prices,
 * tiers and bonuses, and the caps.
 */
import {
  Badge,
  Card,
  Group,
  List,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { type ReactNode, useState } from 'react';
import type { Contract, Rule, Version } from '../../../../src/domain/contract/contract.js';
import { versionInterval } from '../../../../src/domain/contract/versions.js';
import { useMessages } from '../../i18n/use-messages.js';
import { COLOURS } from '../participants/colours.js';
import {
  anchorText,
  bonusText,
  conditionText,
  kindName,
  moneyOf,
  priceLines,
  ruleText,
  windowText,
} from './contract-words.js';
import type { StoredVersion } from './queries.js';
import { dateTime } from './when.js';

export function ContractReading({
  contract,
  stored,
}: {
  readonly contract: Contract;
  readonly stored: StoredVersion;
}) {
  const { t, fmt, locale } = useMessages();
  const last = contract.versions.length - 1;
  const [shown, setShown] = useState(last);
  const terms = contract.versions[Math.min(shown, last)] as Version;
  return (
    <Stack gap="lg" data-testid="contract-reading">
      <Stack gap={4}>
        <Title order={2} size="h3">
          {contract.title}
        </Title>
        <Text size="sm" c="dimmed" data-testid="in-force">
          {t('web.contracts.in_force_line', {
            version: stored.version,
            by: stored.created_by,
            when: dateTime(stored.created_at, locale),
          })}
        </Text>
      </Stack>
      <Card withBorder padding="md">
        <SimpleGrid cols={{ base: 2, md: 4 }} component="dl" m={0}>
          <Fact label={t('web.contracts.fact.contract')} value={contract.id} />
          <Fact label={t('web.contracts.fact.currency')} value={contract.currency} />
          <Fact
            label={t('web.contracts.fact.period')}
            value={t('web.contracts.range', {
              from: fmt.date(contract.startsOn),
              to: fmt.date(contract.endsOn),
            })}
          />
          <Fact
            label={t('web.contracts.fact.enrolment')}
            value={t('web.contracts.range', {
              from: fmt.date(contract.enrolment.from),
              to: fmt.date(contract.enrolment.to),
            })}
          />
        </SimpleGrid>
      </Card>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Section title={t('web.contracts.eligibility')}>
          {contract.eligibility.length === 0 ? (
            <Text size="sm">{t('web.contracts.eligibility.everyone')}</Text>
          ) : (
            <List size="sm">
              {contract.eligibility.map((c) => (
                <List.Item key={JSON.stringify([c.attribute, c.op])}>
                  {conditionText({ t, fmt, locale }, c)}
                </List.Item>
              ))}
            </List>
          )}
        </Section>
        <Section title={t('web.contracts.segments')}>
          {contract.segments.length === 0 ? (
            <Text size="sm">{t('web.contracts.segments.none')}</Text>
          ) : (
            <List size="sm">
              {contract.segments.map((s) => (
                <List.Item key={s.id}>
                  <Text span ff="monospace" size="sm">
                    {s.id}
                  </Text>
                  {': '}
                  {s.when
                    ? conditionText({ t, fmt, locale }, s.when)
                    : t('web.contracts.segment.everyone_else')}
                </List.Item>
              ))}
            </List>
          )}
        </Section>
      </SimpleGrid>
      <Section title={t('web.contracts.terms_over_time')}>
        <List size="sm" data-testid="amendments">
          {contract.versions.map((v, i) => {
            const amendment = contract.amendments[i - 1];
            const { from, to } = versionInterval(contract, i);
            const span = t('web.contracts.range', {
              from: from ? fmt.date(from) : fmt.date(contract.startsOn),
              to: to ? fmt.date(to) : fmt.date(contract.endsOn),
            });
            return (
              <List.Item key={v.id}>
                {amendment
                  ? t('web.contracts.amendment.item', {
                      id: amendment.id,
                      span,
                      reason: amendment.reason,
                    })
                  : t('web.contracts.base.item', { span })}
              </List.Item>
            );
          })}
        </List>
      </Section>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h4">
            {t('web.contracts.outcomes')}
          </Title>
          {contract.versions.length > 1 ? (
            <NativeSelect
              size="sm"
              label={t('web.contracts.terms_shown')}
              value={String(Math.min(shown, last))}
              onChange={(event) => setShown(Number(event.currentTarget.value))}
              data={contract.versions.map((_, i) => ({
                value: String(i),
                label: termsLabel(t, fmt, contract, i),
              }))}
            />
          ) : null}
        </Group>
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          {terms.outcomes.map((rule) => (
            <OutcomeTerms key={rule.id} rule={rule} currency={contract.currency} />
          ))}
        </SimpleGrid>
      </Stack>
      <Section title={t('web.contracts.caps')}>
        <CapsTable terms={terms} currency={contract.currency} />
      </Section>
    </Stack>
  );
}

/** "Base terms" or "covid-2020 (from 1 Apr 2020)". */
export function termsLabel(
  t: ReturnType<typeof useMessages>['t'],
  fmt: ReturnType<typeof useMessages>['fmt'],
  contract: Contract,
  index: number,
): string {
  const v = contract.versions[index] as Version;
  return v.effectiveFrom === null
    ? t('web.contracts.terms.base')
    : t('web.contracts.terms.amended', { id: v.id, from: fmt.date(v.effectiveFrom) });
}

function Section({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  return (
    <Stack gap="xs" component="section">
      <Title order={2} size="h4">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function Fact({ label, value }: { readonly label: string; readonly value: string }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text component="dd" m={0} size="sm">
        {value}
      </Text>
    </div>
  );
}

function OutcomeTerms({ rule, currency }: { readonly rule: Rule; readonly currency: string }) {
  const w = useMessages();
  const { t } = w;
  const rows: [string, ReactNode][] = [
    [t('web.contracts.rule.counts'), ruleText(w, rule, currency)],
    [t('web.contracts.rule.from'), anchorText(w, rule.after)],
    // Sustained employment and earnings thresholds say their months in the sentence above.
    ...(rule.kind === 'employment_sustained' || rule.kind === 'earnings_threshold'
      ? []
      : [[t('web.contracts.rule.window'), windowText(w, rule)] as [string, ReactNode]]),
    ...(rule.kind === 'event' && rule.verifiedOnly
      ? [
          [t('web.contracts.rule.evidence'), t('web.contracts.rule.verified_only')] as [
            string,
            ReactNode,
          ],
        ]
      : []),
    [
      t(rule.pricing.kind === 'tiers' ? 'web.contracts.rule.tiers' : 'web.contracts.rule.price'),
      <Lines key="price" lines={priceLines(w, rule.pricing, currency)} />,
    ],
    [
      t('web.contracts.rule.bonus'),
      rule.bonus.length === 0 ? (
        t('web.contracts.bonus.none')
      ) : (
        <Lines key="bonus" lines={rule.bonus.map((b) => bonusText(w, b))} />
      ),
    ],
  ];
  const headingId = `terms-${rule.id}`;
  return (
    <Card
      withBorder
      padding="md"
      component="section"
      aria-labelledby={headingId}
      data-testid="outcome-terms"
    >
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5" ff="monospace" id={headingId}>
          {rule.id}
        </Title>
        <Badge variant="outline" color={COLOURS.grey}>
          {kindName(w, rule.kind)}
        </Badge>
      </Group>
      <Table fz="sm" withRowBorders={false} verticalSpacing={4}>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" w="34%" fw={600} style={{ verticalAlign: 'top' }}>
                {label}
              </Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function Lines({ lines }: { readonly lines: readonly string[] }) {
  return (
    <Stack gap={0}>
      {lines.map((line) => (
        <span key={line}>{line}</span>
      ))}
    </Stack>
  );
}

function CapsTable({ terms, currency }: { readonly terms: Version; readonly currency: string }) {
  const w = useMessages();
  const { t } = w;
  const caps = terms.caps;
  const rows: [string, string][] = [
    [
      t('web.contracts.field.per_participant'),
      caps.perParticipant === undefined
        ? t('web.contracts.cap.none')
        : moneyOf(w, caps.perParticipant, currency),
    ],
    [
      t('web.contracts.field.total'),
      caps.total === undefined ? t('web.contracts.cap.none') : moneyOf(w, caps.total, currency),
    ],
    ...Object.entries(caps.volume).map(([outcome, n]): [string, string] => [
      t('web.contracts.cap.volume_of', { outcome }),
      t('web.contracts.cap.volume', { count: n }),
    ]),
  ];
  return (
    <Table withTableBorder fz="sm" maw={640} data-testid="caps">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row" fw={600}>
              {label}
            </Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
