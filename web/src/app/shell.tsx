/**
 * The frame of every signed-in page: a header (navigation toggle, the programme, language,
 * who is signed in, sign out), the navigation of the tasks the role may do, and the page.
 * The navigation collapses behind a button on narrow screens (tablets in portrait, phones)
 * and can be hidden on wide ones; a skip link leads keyboard users straight to the page.
 */
import {
  AppShell,
  Burger,
  Button,
  Group,
  NativeSelect,
  NavLink,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useParams, useRouterState } from '@tanstack/react-router';
import { useMessages } from '../i18n/use-messages.js';
import { LanguageSwitch } from './language-switch.js';
import { TASKS, taskPath } from './navigation.js';
import { signOut, useProgrammes, useSession } from './session.js';

export function Shell() {
  const { t } = useMessages();
  const [mobileOpen, mobile] = useDisclosure(false);
  const [desktopOpen, desktop] = useDisclosure(true);
  const session = useSession();
  const programmes = useProgrammes();
  const params = useParams({ strict: false }) as { programme?: string };
  const programme = params.programme ?? programmes[0]?.id;
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  if (!session) return null;

  const tasks = TASKS.filter((task) => task.roles.includes(session.role));
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{
        width: 240,
        breakpoint: 'sm',
        collapsed: { mobile: !mobileOpen, desktop: !desktopOpen },
      }}
      padding="md"
    >
      <a className="skip-link" href="#main">
        {t('web.app.skip_to_content')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={mobileOpen}
              onClick={mobile.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('web.nav.toggle')}
            />
            <Burger
              opened={desktopOpen}
              onClick={desktop.toggle}
              visibleFrom="sm"
              size="sm"
              aria-label={t('web.nav.toggle')}
            />
            <Title order={2} size="h4">
              {t('web.app.name')}
            </Title>
            {programmes.length > 1 ? (
              <NativeSelect
                size="sm"
                aria-label={t('web.nav.programme')}
                value={programme}
                data={programmes.map((p) => ({ value: p.id, label: p.title }))}
                onChange={(event) =>
                  void navigate({ href: taskPath('dashboard', event.currentTarget.value) })
                }
              />
            ) : (
              <Text size="sm" c="dimmed" visibleFrom="md" data-testid="programme-title">
                {programmes[0]?.title}
              </Text>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <Text size="sm" visibleFrom="lg" data-testid="signed-in-as">
              {t('web.account.signed_in_as', {
                user: session.user,
                role: t(`web.role.${session.role}`),
                organisation: session.organisation,
              })}
            </Text>
            <Button
              variant="default"
              size="sm"
              onClick={() =>
                signOut(queryClient, () =>
                  navigate({ to: '/app/sign-in', search: { signedOut: true } }),
                )
              }
            >
              {t('web.account.sign_out')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('web.nav.label')}>
        <VisuallyHidden>
          <Text>{t(`web.role.${session.role}`)}</Text>
        </VisuallyHidden>
        {tasks.map((task) => {
          const href = taskPath(task.task, programme);
          return (
            <NavLink
              key={task.task}
              component={Link}
              to={href}
              label={t(task.label)}
              active={pathname === href || pathname.startsWith(`${href}/`)}
              aria-current={pathname === href ? 'page' : undefined}
              onClick={mobile.close}
            />
          );
        })}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
