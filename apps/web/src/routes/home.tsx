/** / (Beranda) — who is signed in: name, NIP, units and roles, and where they may go. */
import { Badge, Card, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { EmptyBlock } from '../components/ui/list-states.tsx';
import { useMe } from '../features/auth/api.ts';
import { visibleNavItems } from '../features/shell/nav-items.ts';
import type { RoleAssignment } from '../lib/api/types.ts';
import { roleLabel } from '../lib/labels.ts';

function scopeText(r: RoleAssignment, t: ReturnType<typeof useTranslation>['t']): string {
  if (r.unitName) return r.unitName;
  if (r.instansiName) return r.instansiName;
  return t('home.national');
}

export function HomePage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const units = [
    ...new Set(
      [me.user.unitName, ...me.roles.map((r) => r.unitName ?? r.instansiName)].filter((u): u is string => Boolean(u)),
    ),
  ];
  const links = visibleNavItems(me.permissions ?? []).filter((i) => i.to !== '/');

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          {t('home.greeting', { name: me.user.name })}
        </Title>
        <Text c="dimmed" size="sm">
          {t('home.subtitle')}
        </Text>
      </div>

      <Paper withBorder p="md" data-testid="home-profile">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <div>
            <Text size="xs" c="dimmed">
              {t('home.name')}
            </Text>
            <Text fw={600}>{me.user.name}</Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              NIP
            </Text>
            <Text ff="monospace" data-testid="home-nip">
              {me.user.nip || '—'}
            </Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('home.units')}
            </Text>
            {units.length ? (
              <Group gap={4}>
                {units.map((u) => (
                  <Badge key={u} variant="light" tt="none">
                    {u}
                  </Badge>
                ))}
              </Group>
            ) : (
              <Text>—</Text>
            )}
          </div>
        </SimpleGrid>
      </Paper>

      <section aria-labelledby="home-roles">
        <Title order={2} size="h4" id="home-roles" mb="xs">
          {t('home.roles')}
        </Title>
        {me.roles.length === 0 ? (
          <EmptyBlock title={t('home.noRoles')} />
        ) : (
          <Table withTableBorder striped data-testid="home-roles">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('home.role')}</Table.Th>
                <Table.Th>{t('home.scope')}</Table.Th>
                <Table.Th>{t('home.details')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {me.roles.map((r) => (
                <Table.Tr key={String(r.id)}>
                  <Table.Td>{roleLabel(r.role, lang)}</Table.Td>
                  <Table.Td>{scopeText(r, t)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {r.includeDescendants && <Badge variant="outline">{t('roles.includeDescendants')}</Badge>}
                      {r.area && <Badge variant="outline">{t('roles.areaN', { area: r.area })}</Badge>}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>

      <section aria-labelledby="home-links">
        <Title order={2} size="h4" id="home-links" mb="xs">
          {t('home.linksTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          {links.map((item) => (
            <Card key={item.to} withBorder component={Link} to={item.to} padding="md">
              <Text fw={600}>{t(item.labelKey)}</Text>
              <Text size="sm" c="dimmed">
                {t(item.descriptionKey)}
              </Text>
            </Card>
          ))}
          <Card withBorder component={Link} to="/akun/kata-sandi" padding="md">
            <Text fw={600}>{t('password.title')}</Text>
            <Text size="sm" c="dimmed">
              {t('home.links.password')}
            </Text>
          </Card>
        </SimpleGrid>
      </section>
    </Stack>
  );
}
