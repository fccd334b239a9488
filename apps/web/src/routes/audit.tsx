/** /audit — the audit trail, newest first, filterable; a row expands to its payload JSON. */
import { Badge, Code, Group, Paper, Table, Text, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TableStates } from '../components/ui/list-states.tsx';
import { PageHeader } from '../components/ui/page-header.tsx';
import { Pager } from '../components/ui/pager.tsx';
import { useMe } from '../features/auth/api.ts';
import { type AuditFilters as Filters, auditQuery } from '../features/audit/api.ts';
import { AuditFilters } from '../features/audit/audit-filters.tsx';
import { VerifyChain } from '../features/audit/verify-chain.tsx';
import { hasPermission } from '../lib/abilities.ts';
import { formatDateTime } from '../lib/labels.ts';

const PAGE_SIZE = 50;
const COLS = 6;

function payloadText(payload: unknown): string {
  try {
    return JSON.stringify(payload, null, 2) ?? 'null';
  } catch {
    return String(payload);
  }
}

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [filters, setFilters] = useState<Filters>({});
  const [debounced] = useDebouncedValue(filters, 300);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const validRange = !(debounced.from && debounced.to && debounced.from > debounced.to);
  const list = useQuery({ ...auditQuery(debounced, page, PAGE_SIZE), enabled: validRange });
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const items = [...(list.data?.items ?? [])].sort((a, b) => b.seq - a.seq);
  const filtered = Object.values(debounced).some((v) => v !== undefined && v !== '');

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      {hasPermission(me.permissions, 'audit:verify') && (
        <Paper withBorder p="md" mb="md">
          <VerifyChain />
        </Paper>
      )}
      <Paper withBorder p="md">
        <AuditFilters
          value={filters}
          onChange={(next) => {
            setFilters(next);
            setPage(1);
            setOpen(null);
          }}
        />
        <Table.ScrollContainer minWidth={760}>
          <Table data-testid="audit-table" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>{t('audit.at')}</Table.Th>
                <Table.Th>{t('audit.actor')}</Table.Th>
                <Table.Th>{t('audit.action')}</Table.Th>
                <Table.Th>{t('audit.entityType')}</Table.Th>
                <Table.Th>{t('audit.entityId')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <TableStates query={list} cols={COLS} isEmpty={items.length === 0} emptyTitle={filtered ? t('common.noMatches') : t('audit.empty')} showLoading={validRange} />
              {items.map((ev) => {
                const key = String(ev.id);
                const expanded = open === key;
                return (
                  <Fragment key={key}>
                    <Table.Tr data-testid="audit-row" data-action={ev.action}>
                      <Table.Td>
                        <UnstyledButton
                          onClick={() => setOpen(expanded ? null : key)}
                          aria-expanded={expanded}
                          aria-label={t(expanded ? 'audit.hidePayload' : 'audit.showPayload', { seq: ev.seq })}
                          data-testid="audit-row-toggle"
                        >
                          <Group gap={4} wrap="nowrap">
                            <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
                            <Text size="sm" ff="monospace">
                              {ev.seq}
                            </Text>
                          </Group>
                        </UnstyledButton>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {formatDateTime(ev.at, lang)}
                        </Text>
                      </Table.Td>
                      <Table.Td>{ev.actorName ?? t('audit.system')}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" tt="none">
                          {ev.action}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{ev.entityType}</Table.Td>
                      <Table.Td>
                        <Text size="xs" ff="monospace">
                          {ev.entityId ?? '—'}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                    {expanded && (
                      <Table.Tr>
                        <Table.Td colSpan={COLS} bg="gray.0">
                          <Text size="xs" c="dimmed" mb={4}>
                            {t('audit.payload')}
                          </Text>
                          <Code block className="zona-json" data-testid="audit-payload">
                            {payloadText(ev.payload)}
                          </Code>
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {list.data && <Pager page={page} pageSize={list.data.pageSize || PAGE_SIZE} total={list.data.total} onChange={setPage} />}
      </Paper>
    </>
  );
}
