/** The signed-in frame: header with nav, language switch and user menu; the screen below. */
import { AppShell, Burger, Button, Group, NavLink, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/ui/language-switch.tsx';
import { useMe } from '../auth/api.ts';
import { visibleNavItems } from './nav-items.ts';
import { UserMenu } from './user-menu.tsx';

function isActive(pathname: string, to: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const items = visibleNavItems(me.permissions ?? []);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'md', collapsed: { desktop: true, mobile: !opened } }}
      padding="md"
    >
      <a href="#main" className="zona-skip-link">
        {t('header.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="md"
              size="sm"
              aria-label={t(opened ? 'header.closeMenu' : 'header.openMenu')}
            />
            <UnstyledButton component={Link} to="/" aria-label={t('header.homeLink')}>
              <Text fw={800} fz="lg" c="blue.7">
                Zona
              </Text>
            </UnstyledButton>
            <Group gap={4} visibleFrom="md" component="nav" aria-label={t('header.mainNav')}>
              {items.map((item) => (
                <Button
                  key={item.to}
                  component={Link}
                  to={item.to}
                  variant={isActive(pathname, item.to) ? 'light' : 'subtle'}
                  size="compact-md"
                  data-testid={item.testId}
                  aria-current={isActive(pathname, item.to) ? 'page' : undefined}
                >
                  {t(item.labelKey)}
                </Button>
              ))}
            </Group>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            <UserMenu name={me.user.name} username={me.user.username} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" component="nav" aria-label={t('header.mainNav')}>
        {items.map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={t(item.labelKey)}
            active={isActive(pathname, item.to)}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
