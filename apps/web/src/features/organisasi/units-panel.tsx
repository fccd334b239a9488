/** Units of one instansi: toolbar (create, template, import), the tree and its dialogs. */
import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { ImportDialog } from '../../components/ui/import-dialog.tsx';
import { EmptyBlock, ErrorBlock, SkeletonBlock } from '../../components/ui/list-states.tsx';
import { can } from '../../lib/abilities.ts';
import { useDownload } from '../../components/ui/use-download.ts';
import type { Id, Instansi } from '../../lib/api/types.ts';
import { deactivateUnit, unitTreeQuery } from './api.ts';
import { MoveUnitModal } from './move-unit-modal.tsx';
import { buildUnitTree, flattenTree, type UnitNode } from './tree.ts';
import { UnitFormModal } from './unit-form-modal.tsx';
import { type UnitAction, UnitTree } from './unit-tree.tsx';

type Dialog =
  | { kind: 'create'; parentId: Id | null }
  | { kind: 'edit'; node: UnitNode }
  | { kind: 'move'; node: UnitNode }
  | { kind: 'deactivate'; node: UnitNode }
  | { kind: 'import' }
  | null;

export function UnitsPanel({ instansi, permissions }: { instansi: Instansi; permissions: string[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const instansiId = String(instansi.id);
  const tree = useQuery(unitTreeQuery(instansiId));
  const roots = useMemo(() => buildUnitTree(tree.data?.items ?? []), [tree.data]);
  const [expanded, setExpanded] = useState<Set<string> | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);

  // Until the person toggles something, the top-level units are open (their children show).
  const defaultExpanded = useMemo(
    () => new Set(flattenTree(roots).filter((n) => n.depth < 1).map((n) => String(n.unit.id))),
    [roots],
  );
  const open = expanded ?? defaultExpanded;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['units'] });

  const deactivate = useMutation({
    mutationFn: (node: UnitNode) => deactivateUnit(node.unit.id),
    onSuccess: () => {
      setDialog(null);
      notifications.show({ color: 'green', message: t('units.deactivated') });
      void refresh();
    },
  });

  const onAction = (action: UnitAction, node: UnitNode) => {
    if (action === 'add-child') setDialog({ kind: 'create', parentId: node.unit.id });
    else if (action === 'edit') setDialog({ kind: 'edit', node });
    else if (action === 'move') setDialog({ kind: 'move', node });
    else {
      deactivate.reset();
      setDialog({ kind: 'deactivate', node });
    }
  };
  const canCreate = can(instansi, 'unit:create', permissions);
  const canImport = can(instansi, 'unit:import', permissions);
  const template = useDownload('/api/units/import-template', 'templat-unit.xlsx', { instansiId: instansi.id });

  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="xs">
          {canCreate && (
            <Button onClick={() => setDialog({ kind: 'create', parentId: null })} data-testid="unit-create">
              {t('units.create')}
            </Button>
          )}
          {canImport && (
            <>
              <Button
                variant="default"
                loading={template.isPending}
                onClick={() => template.mutate()}
                data-testid="unit-template"
              >
                {t('import.template')}
              </Button>
              <Button variant="default" onClick={() => setDialog({ kind: 'import' })} data-testid="unit-import">
                {t('import.open')}
              </Button>
            </>
          )}
        </Group>
        {roots.length > 0 && (
          <Group gap="xs">
            <Button
              size="compact-sm"
              variant="subtle"
              onClick={() => setExpanded(new Set(flattenTree(roots).map((n) => String(n.unit.id))))}
            >
              {t('units.expandAll')}
            </Button>
            <Button size="compact-sm" variant="subtle" onClick={() => setExpanded(new Set())}>
              {t('units.collapseAll')}
            </Button>
          </Group>
        )}
      </Group>

      {tree.isPending && <SkeletonBlock lines={6} />}
      {tree.isError && <ErrorBlock error={tree.error} onRetry={() => void tree.refetch()} />}
      {tree.isSuccess && roots.length === 0 && <EmptyBlock title={t('units.empty')} description={t('units.emptyHelp')} />}
      {roots.length > 0 && (
        <>
          <Text size="xs" c="dimmed">
            {t('units.count', { count: tree.data?.items.length ?? 0 })}
          </Text>
          <UnitTree
            nodes={roots}
            expanded={open}
            onToggle={(id) => {
              const next = new Set(open);
              if (next.has(id)) next.delete(id);
              else next.add(id);
              setExpanded(next);
            }}
            onAction={onAction}
            permissions={permissions}
          />
        </>
      )}

      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <UnitFormModal
          instansiId={instansi.id}
          tree={roots}
          unit={dialog.kind === 'edit' ? dialog.node.unit : undefined}
          parentId={dialog.kind === 'create' ? dialog.parentId : undefined}
          onClose={() => setDialog(null)}
          onSaved={(saved) => {
            const parent = dialog.kind === 'create' ? dialog.parentId : null;
            setDialog(null);
            notifications.show({ color: 'green', message: t('units.saved', { name: saved?.name ?? '' }) });
            if (parent != null) setExpanded(new Set([...open, String(parent)]));
            void refresh();
          }}
        />
      )}
      {dialog?.kind === 'move' && (
        <MoveUnitModal
          node={dialog.node}
          tree={roots}
          onClose={() => setDialog(null)}
          onMoved={() => {
            setDialog(null);
            notifications.show({ color: 'green', message: t('units.moved') });
            void refresh();
          }}
        />
      )}
      <ConfirmDialog
        opened={dialog?.kind === 'deactivate'}
        title={t('units.deactivate')}
        message={dialog?.kind === 'deactivate' ? t('units.deactivateConfirm', { name: dialog.node.unit.name }) : ''}
        confirmLabel={t('units.deactivate')}
        danger
        loading={deactivate.isPending}
        error={deactivate.error}
        onConfirm={() => dialog?.kind === 'deactivate' && deactivate.mutate(dialog.node)}
        onClose={() => setDialog(null)}
      />
      <ImportDialog
        opened={dialog?.kind === 'import'}
        onClose={() => setDialog(null)}
        title={t('units.importTitle')}
        importPath="/api/units/import"
        instansiId={instansi.id}
        templatePath="/api/units/import-template"
        templateName="templat-unit.xlsx"
        onImported={() => void refresh()}
      />
    </Stack>
  );
}
