/** /pengguna — users (search, filter by instansi and unit, pages); create and bulk import. */
import { Badge, Button, Group, Modal, Paper, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportDialog } from '../components/ui/import-dialog.tsx';
import { TableStates } from '../components/ui/list-states.tsx';
import { PageHeader } from '../components/ui/page-header.tsx';
import { Pager } from '../components/ui/pager.tsx';
import { RemoteSelect } from '../components/ui/remote-select.tsx';
import { useMe } from '../features/auth/api.ts';
import { usersQuery } from '../features/pengguna/api.ts';
import { UserForm } from '../features/pengguna/user-form.tsx';
import { hasPermission } from '../lib/abilities.ts';
import { ImportedPasswords } from '../features/pengguna/imported-passwords.tsx';
import type { Id, Instansi, Unit } from '../lib/api/types.ts';
import { putFlash } from '../lib/flash.ts';
import { roleLabel } from '../lib/labels.ts';

const PAGE_SIZE = 25;
const COLS = 6;

export function PenggunaPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const [instansiId, setInstansiId] = useState<Id | null>(null);
  const [unitId, setUnitId] = useState<Id | null>(null);
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<'create' | 'import' | null>(null);
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const list = useQuery(
    usersQuery({
      q: debouncedQ || undefined,
      instansiId: instansiId ?? undefined,
      unitId: unitId ?? undefined,
      page,
      pageSize: PAGE_SIZE,
    }),
  );
  const items = list.data?.items ?? [];
  // The import goes to the filtered instansi when one is chosen, otherwise the dialog asks.
  const importInstansi = instansiId;
  const filtered = Boolean(debouncedQ || instansiId != null || unitId != null);

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          <>
            {hasPermission(me.permissions, 'user:import') && (
              <Button variant="default" onClick={() => setDialog('import')} data-testid="user-import">
                {t('import.open')}
              </Button>
            )}
            {hasPermission(me.permissions, 'user:create') && (
              <Button onClick={() => setDialog('create')} data-testid="user-create">
                {t('users.create')}
              </Button>
            )}
          </>
        }
      />
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} mb="md">
          <TextInput
            label={t('common.search')}
            placeholder={t('users.searchPlaceholder')}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setPage(1);
            }}
            data-testid="user-search"
          />
          <RemoteSelect<Instansi>
            label={t('users.filterInstansi')}
            path="/api/instansi"
            value={instansiId}
            onChange={(id) => {
              setInstansiId(id);
              setUnitId(null);
              setPage(1);
            }}
            toLabel={(i) => i.name}
            clearable
            placeholder={t('common.all')}
            testId="user-filter-instansi"
          />
          <RemoteSelect<Unit>
            label={t('users.filterUnit')}
            path="/api/units"
            query={instansiId != null ? { instansiId } : undefined}
            value={unitId}
            onChange={(id) => {
              setUnitId(id);
              setPage(1);
            }}
            toLabel={(u) => `${u.name} (${u.code})`}
            clearable
            placeholder={t('common.all')}
            testId="user-filter-unit"
          />
        </SimpleGrid>
        <Table.ScrollContainer minWidth={800}>
          <Table highlightOnHover data-testid="user-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('users.name')}</Table.Th>
                <Table.Th>NIP</Table.Th>
                <Table.Th>{t('users.unit')}</Table.Th>
                <Table.Th>{t('users.position')}</Table.Th>
                <Table.Th>{t('users.roles')}</Table.Th>
                <Table.Th>{t('common.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <TableStates query={list} cols={COLS} isEmpty={items.length === 0} emptyTitle={filtered ? t('common.noMatches') : t('users.empty')} />
              {items.map((u) => (
                <Table.Tr
                  key={String(u.id)}
                  className="zona-clickable-row"
                  onClick={() => void navigate({ to: '/pengguna/$userId', params: { userId: String(u.id) } })}
                >
                  <Table.Td>
                    <Link to="/pengguna/$userId" params={{ userId: String(u.id) }} onClick={(e) => e.stopPropagation()}>
                      {u.name}
                    </Link>
                    <Text size="xs" c="dimmed">
                      {u.username}
                    </Text>
                  </Table.Td>
                  <Table.Td ff="monospace">{u.nip}</Table.Td>
                  <Table.Td>{u.unitName ?? '—'}</Table.Td>
                  <Table.Td>{u.position ?? '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {(u.roles ?? []).map((r) => (
                        <Badge key={String(r.id)} size="xs" variant="light" tt="none" title={roleLabel(r.role, lang)}>
                          {roleLabel(r.role, lang)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Badge color={u.active ? 'green' : 'gray'} variant="light" styles={{ label: { overflow: 'visible' } }}>
                      {u.active ? t('common.active') : t('common.inactive')}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {list.data && <Pager page={page} pageSize={list.data.pageSize || PAGE_SIZE} total={list.data.total} onChange={setPage} />}
      </Paper>

      <Modal opened={dialog === 'create'} onClose={() => setDialog(null)} title={t('users.create')} size="lg">
        {dialog === 'create' && (
          <UserForm
            onCancel={() => setDialog(null)}
            onSaved={({ user, temporaryPassword }) => {
              setDialog(null);
              if (temporaryPassword) putFlash(`temp-password:${user.id}`, temporaryPassword);
              void queryClient.invalidateQueries({ queryKey: ['users'] });
              void navigate({ to: '/pengguna/$userId', params: { userId: String(user.id) } });
            }}
          />
        )}
      </Modal>
      <ImportDialog
        opened={dialog === 'import'}
        onClose={() => setDialog(null)}
        title={t('users.importTitle')}
        importPath="/api/users/import"
        instansiId={importInstansi}
        templatePath="/api/users/import-template"
        templateName="templat-pengguna.xlsx"
        onImported={() => void queryClient.invalidateQueries({ queryKey: ['users'] })}
        renderSuccess={(result) => <ImportedPasswords result={result} />}
      />
    </>
  );
}
