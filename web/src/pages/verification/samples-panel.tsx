/**
 * The verification samples of a programme, newest first, with how far each is decided, and
 * (verifiers) drawing a new one: a size and an optional seed; the same seed over the same
 * events draws the same sample, so anyone can check the draw.
 */
import {
  Anchor,
  Button,
  Card,
  Group,
  NumberInput,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useId, useState } from 'react';
import { api, data, problemText } from '../../api/client.js';
import { useSession } from '../../app/session.js';
import { useMessages } from '../../i18n/use-messages.js';
import { dateTime } from '../../ui/date-time.js';
import { ProgressBar } from '../../ui/progress-bar.js';
import { Loading, LoadMore, Refusal } from '../../ui/query-state.js';
import { TableScroll } from '../../ui/table-scroll.js';
import { samplesQuery } from './queries.js';

export function SamplesPanel({ programme }: { readonly programme: string }) {
  const session = useSession();
  return (
    <>
      {session?.role === 'verifier' ? <DrawSample programme={programme} /> : null}
      <SamplesTable programme={programme} />
    </>
  );
}

const samplePath = (programme: string, sample: string) =>
  `/app/programmes/${encodeURIComponent(programme)}/runs/verification/${sample}`;

function DrawSample({ programme }: { readonly programme: string }) {
  const { t, locale } = useMessages();
  const headingId = useId();
  const [size, setSize] = useState<number | string>(20);
  const [seed, setSeed] = useState('');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const draw = useMutation({
    mutationFn: async () =>
      data(
        await api.POST('/programmes/{programme}/verification/samples', {
          params: { path: { programme } },
          body: { size: Number(size), ...(seed.trim() ? { seed: seed.trim() } : {}) },
          headers: { 'accept-language': locale },
        }),
      ),
    onSuccess: async (sample) => {
      await queryClient.invalidateQueries({ queryKey: ['samples', programme] });
      await navigate({ href: samplePath(programme, sample.id) });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    draw.mutate();
  };
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId} mb="md">
      <form onSubmit={submit}>
        <Title order={2} size="h4" id={headingId} mb="xs">
          {t('web.verification.draw.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('web.verification.draw.intro')}
        </Text>
        <Group align="flex-end" gap="sm">
          <NumberInput
            label={t('web.verification.draw.size')}
            min={1}
            max={10_000}
            required
            value={size}
            onChange={setSize}
            w={160}
          />
          <TextInput
            label={t('web.verification.draw.seed')}
            description={t('web.verification.draw.seed_help')}
            value={seed}
            onChange={(e) => setSeed(e.currentTarget.value)}
            minLength={8}
            maxLength={200}
            w={280}
          />
          <Button type="submit" loading={draw.isPending}>
            {t('web.verification.draw.submit')}
          </Button>
        </Group>
        {draw.isError ? (
          <Text c="red.9" role="alert" mt="sm">
            {problemText(draw.error, locale)}
          </Text>
        ) : null}
      </form>
    </Card>
  );
}

function SamplesTable({ programme }: { readonly programme: string }) {
  const { t, fmt, locale } = useMessages();
  const headingId = useId();
  const samples = useInfiniteQuery(samplesQuery(programme));
  const rows = samples.data?.pages.flatMap((p) => p.samples) ?? [];
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb="sm">
        {t('web.verification.list.title')}
      </Title>
      {samples.isError ? <Refusal error={samples.error} /> : null}
      {samples.isPending ? <Loading /> : null}
      {samples.isSuccess && rows.length === 0 ? (
        <Text>{t('web.verification.list.empty')}</Text>
      ) : null}
      {rows.length > 0 ? (
        <TableScroll label={t('web.verification.list.title')}>
          <Table striped highlightOnHover data-testid="samples-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('web.verification.column.sample')}</Table.Th>
                <Table.Th scope="col">{t('web.verification.column.drawn')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('web.verification.column.size')}
                </Table.Th>
                <Table.Th scope="col">{t('web.verification.column.decided')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('web.verification.column.rejected')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Th scope="row" fw="normal">
                    <Anchor component={Link} to={samplePath(programme, s.id)}>
                      {t('web.verification.sample_number', { sample: s.id })}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {t('web.verification.population', { count: s.population })}
                    </Text>
                  </Table.Th>
                  <Table.Td>
                    <Text size="sm">{dateTime(s.created_at, locale)}</Text>
                    <Text size="xs" c="dimmed">
                      {s.created_by}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{fmt.number(s.size)}</Table.Td>
                  <Table.Td miw={160}>
                    <Text size="sm">
                      {t('web.verification.decided_of', { decided: s.decided, size: s.size })}
                    </Text>
                    <ProgressBar
                      value={s.size > 0 ? (100 * s.decided) / s.size : 0}
                      size="sm"
                      label={t('web.verification.sample_number', { sample: s.id })}
                      valueText={t('web.verification.decided_of', {
                        decided: s.decided,
                        size: s.size,
                      })}
                    />
                  </Table.Td>
                  <Table.Td ta="right">{fmt.number(s.rejected)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : null}
      <LoadMore
        hasMore={samples.hasNextPage}
        loading={samples.isFetchingNextPage}
        onMore={() => void samples.fetchNextPage()}
        label={t('web.list.more')}
      />
    </Card>
  );
}
