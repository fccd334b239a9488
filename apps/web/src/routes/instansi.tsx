/** /organisasi/$instansiId — one instansi: its unit tree and its yearly agency facts. */
import { Anchor, Badge, Breadcrumbs, Button, Group, Paper, Stack, Tabs, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBlock, SkeletonBlock } from '../components/ui/list-states.tsx';
import { NotFoundPage } from '../components/ui/not-found-page.tsx';
import { PageHeader } from '../components/ui/page-header.tsx';
import { useMe } from '../features/auth/api.ts';
import { instansiQuery } from '../features/organisasi/api.ts';
import { FactsPanel } from '../features/organisasi/facts-panel.tsx';
import { InstansiFormModal } from '../features/organisasi/instansi-form-modal.tsx';
import { UnitsPanel } from '../features/organisasi/units-panel.tsx';
import { can } from '../lib/abilities.ts';
import { isApiError } from '../lib/api/errors.ts';

const route = getRouteApi('/app/organisasi/$instansiId');

export function InstansiPage() {
  const { t } = useTranslation();
  const { instansiId } = route.useParams();
  const me = useMe();
  const queryClient = useQueryClient();
  const instansi = useQuery(instansiQuery(instansiId));
  const [editing, setEditing] = useState(false);

  if (instansi.isError && isApiError(instansi.error) && instansi.error.status === 404) return <NotFoundPage />;

  const crumbs = (
    <Breadcrumbs mb="xs">
      <Anchor component={Link} to="/organisasi" size="sm">
        {t('org.title')}
      </Anchor>
      <Text size="sm">{instansi.data?.name ?? '…'}</Text>
    </Breadcrumbs>
  );

  if (instansi.isPending) {
    return (
      <Stack>
        {crumbs}
        <SkeletonBlock lines={8} />
      </Stack>
    );
  }
  if (instansi.isError) {
    return (
      <Stack>
        {crumbs}
        <ErrorBlock error={instansi.error} onRetry={() => void instansi.refetch()} />
      </Stack>
    );
  }

  const inst = instansi.data;
  return (
    <>
      {crumbs}
      <PageHeader
        title={inst.name}
        description={
          <Group gap="xs" component="span">
            <Badge variant="light">{t(`org.kinds.${inst.kind}`, { defaultValue: inst.kind })}</Badge>
            <Text span ff="monospace" size="sm">
              {inst.code}
            </Text>
            {!inst.active && (
              <Badge color="red" variant="light">
                {t('common.inactive')}
              </Badge>
            )}
          </Group>
        }
        actions={
          can(inst, 'instansi:update', me.permissions) && (
            <Button variant="default" onClick={() => setEditing(true)} data-testid="instansi-edit">
              {t('org.editInstansi')}
            </Button>
          )
        }
      />
      <Paper withBorder p="md">
        <Tabs defaultValue="units" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="units" data-testid="tab-units">
              {t('units.title')}
            </Tabs.Tab>
            <Tabs.Tab value="facts" data-testid="tab-facts">
              {t('facts.title')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="units">
            <UnitsPanel instansi={inst} permissions={me.permissions} />
          </Tabs.Panel>
          <Tabs.Panel value="facts">
            <FactsPanel instansi={inst} permissions={me.permissions} />
          </Tabs.Panel>
        </Tabs>
      </Paper>
      {editing && (
        <InstansiFormModal
          opened
          instansi={inst}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            void queryClient.invalidateQueries({ queryKey: ['instansi'] });
          }}
        />
      )}
    </>
  );
}
