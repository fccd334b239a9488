/** /organisasi — instansi list (search, pages); a row opens the instansi with its unit tree. */
import { Badge, Button, Paper, Table, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TableStates } from '../components/ui/list-states.tsx';
import { PageHeader } from '../components/ui/page-header.tsx';
import { Pager } from '../components/ui/pager.tsx';
import { useMe } from '../features/auth/api.ts';
import { instansiListQuery } from '../features/organisasi/api.ts';
import { InstansiFormModal } from '../features/organisasi/instansi-form-modal.tsx';
import { hasPermission } from '../lib/abilities.ts';

const PAGE_SIZE = 25;
const COLS = 4;

export function OrganisasiPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const [page, setPage] = useState(1);
  const [creating, createDialog] = useDisclosure(false);
  const list = useQuery(instansiListQuery({ q: debouncedQ || undefined, page, pageSize: PAGE_SIZE }));
  const items = list.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t('org.title')}
        description={t('org.description')}
        actions={
          hasPermission(me.permissions, 'instansi:create') && (
            <Button onClick={createDialog.open} data-testid="instansi-create">
              {t('org.createInstansi')}
            </Button>
          )
        }
      />
      <Paper withBorder p="md">
        <TextInput
          label={t('common.search')}
          placeholder={t('org.searchPlaceholder')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          mb="md"
          maw={360}
          data-testid="instansi-search"
        />
        <Table.ScrollContainer minWidth={560}>
          <Table highlightOnHover data-testid="instansi-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('org.name')}</Table.Th>
                <Table.Th>{t('org.kind')}</Table.Th>
                <Table.Th>{t('org.code')}</Table.Th>
                <Table.Th>{t('common.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <TableStates query={list} cols={COLS} isEmpty={items.length === 0} emptyTitle={debouncedQ ? t('common.noMatches') : t('org.empty')} />
              {items.map((inst) => (
                <Table.Tr
                  key={String(inst.id)}
                  className="zona-clickable-row"
                  onClick={() => void navigate({ to: '/organisasi/$instansiId', params: { instansiId: String(inst.id) } })}
                >
                  <Table.Td>
                    <Link
                      to="/organisasi/$instansiId"
                      params={{ instansiId: String(inst.id) }}
                      onClick={(e) => e.stopPropagation()}
                    >
                      {inst.name}
                    </Link>
                  </Table.Td>
                  <Table.Td>{t(`org.kinds.${inst.kind}`, { defaultValue: inst.kind })}</Table.Td>
                  <Table.Td ff="monospace">{inst.code}</Table.Td>
                  <Table.Td>
                    <Badge color={inst.active ? 'green' : 'gray'} variant="light">
                      {inst.active ? t('common.active') : t('common.inactive')}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {list.data && <Pager page={page} pageSize={list.data.pageSize || PAGE_SIZE} total={list.data.total} onChange={setPage} />}
      </Paper>
      {creating && (
        <InstansiFormModal
          opened
          onClose={createDialog.close}
          onSaved={(saved) => {
            createDialog.close();
            void queryClient.invalidateQueries({ queryKey: ['instansi'] });
            void navigate({ to: '/organisasi/$instansiId', params: { instansiId: String(saved.id) } });
          }}
        />
      )}
    </>
  );
}
