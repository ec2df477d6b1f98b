/** One labelled fact of a record (a run's as-of day, a bill's total): label above, value below. */
import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function Fact({
  label,
  value,
  testId,
}: {
  readonly label: string;
  readonly value: ReactNode;
  readonly testId?: string;
}) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="md" data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}
