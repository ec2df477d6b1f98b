/**
 * The tasks whose pages are still to be built: each route exists (navigation, guards) and
 * says so. Replace an entry by the task's own folder (pages/<task>/route.tsx) when built.
 */
import { Stack, Text, Title } from '@mantine/core';
import { type AnyRoute, createRoute } from '@tanstack/react-router';
import { requireTask } from '../../app/guards.js';
import { type Task, taskEntry } from '../../app/navigation.js';
import { useMessages } from '../../i18n/use-messages.js';

const PROGRAMME_TASKS: readonly Task[] = [];

function Coming({ task }: { readonly task: Task }) {
  const { t } = useMessages();
  return (
    <Stack gap="sm">
      <Title order={1} size="h2">
        {t(taskEntry(task).label)}
      </Title>
      <Text>{t('web.page.coming')}</Text>
    </Stack>
  );
}

export function comingRoutes<P extends AnyRoute>(parent: P) {
  return PROGRAMME_TASKS.map((task) =>
    createRoute({
      getParentRoute: () => parent,
      path: taskEntry(task).segment,
      beforeLoad: requireTask(task),
      component: () => <Coming task={task} />,
    }),
  );
}
