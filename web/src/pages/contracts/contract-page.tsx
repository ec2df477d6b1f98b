/**
 * The programme's contract: reading the terms in force, the versions with who, when and
 * why, a comparison of any two sets of terms, and (for the funder) drafting an amendment.
 * One request (every version with its file) serves all four; each file is parsed here, in
 * the browser, by the domain's own parser.
 */
import { Alert, Stack, Tabs, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { parseContract } from '../../../../src/domain/contract/parse-contract.js';
import { useSession } from '../../app/session.js';
import { useMessages } from '../../i18n/use-messages.js';
import { Loading, Refusal } from '../participants/query-view.js';
import { AmendmentEditor } from './amendment-editor.js';
import { ContractCompare, defaultSides, type ParsedVersion } from './contract-compare.js';
import { ContractReading } from './contract-reading.js';
import { ContractVersions } from './contract-versions.js';
import { contractQuery } from './queries.js';
import type { ContractSearch, ContractView } from './route.js';

export function ContractPage() {
  const { t } = useMessages();
  const { programme } = useParams({ strict: false }) as { programme: string };
  const search = useSearch({ strict: false }) as ContractSearch;
  const navigate = useNavigate();
  const session = useSession();
  const query = useQuery(contractQuery(programme));
  const parsed = useMemo(
    () =>
      (query.data?.versions ?? []).flatMap((v): ParsedVersion[] => {
        const contract = parseContract(v.yaml).contract;
        return contract ? [{ version: v.version, contract }] : [];
      }),
    [query.data],
  );
  const mayEdit = session?.role === 'funder';
  const view: ContractView = search.view === 'edit' && !mayEdit ? 'read' : (search.view ?? 'read');
  const go = (next: ContractSearch) =>
    void navigate({ to: '.', search: next as never, replace: true });
  const title = (
    <Title order={1} size="h2">
      {t('web.nav.contracts')}
    </Title>
  );
  if (query.isPending)
    return (
      <Stack>
        {title}
        <Loading />
      </Stack>
    );
  if (query.isError)
    return (
      <Stack>
        {title}
        <Refusal error={query.error} retry={() => void query.refetch()} />
      </Stack>
    );
  const inForceNumber = query.data.in_force?.version ?? null;
  const stored = query.data.versions.find((v) => v.version === inForceNumber);
  const inForce = parsed.find((p) => p.version === inForceNumber);
  if (!stored || !inForce)
    return (
      <Stack>
        {title}
        <Alert color="gray">{t('web.contracts.none')}</Alert>
      </Stack>
    );
  const sides = defaultSides(parsed, inForceNumber);
  return (
    <Stack gap="md">
      {title}
      <Tabs
        value={view}
        onChange={(value) => go(value === 'read' ? {} : { view: value as ContractView })}
      >
        <Tabs.List>
          <Tabs.Tab value="read">{t('web.contracts.tab.read')}</Tabs.Tab>
          <Tabs.Tab value="versions">{t('web.contracts.tab.versions')}</Tabs.Tab>
          <Tabs.Tab value="compare">{t('web.contracts.tab.compare')}</Tabs.Tab>
          {mayEdit ? <Tabs.Tab value="edit">{t('web.contracts.tab.edit')}</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="read" pt="md">
          <ContractReading contract={inForce.contract} stored={stored} />
        </Tabs.Panel>
        <Tabs.Panel value="versions" pt="md">
          <ContractVersions versions={query.data.versions} inForce={inForceNumber} />
        </Tabs.Panel>
        <Tabs.Panel value="compare" pt="md">
          <ContractCompare
            parsed={parsed}
            from={search.from ?? sides?.from ?? `${inForce.version}:0`}
            to={search.to ?? sides?.to ?? `${inForce.version}:0`}
            onChange={(next) => go({ view: 'compare', ...next })}
          />
        </Tabs.Panel>
        {mayEdit ? (
          <Tabs.Panel value="edit" pt="md">
            <AmendmentEditor
              programme={programme}
              inForce={inForce.contract}
              inForceYaml={stored.yaml}
              maySubmit={mayEdit}
            />
          </Tabs.Panel>
        ) : null}
      </Tabs>
    </Stack>
  );
}
