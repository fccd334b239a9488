/** Move a unit under another parent (never under itself or its own descendants). */
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import type { Id } from '../../lib/api/types.ts';
import { moveUnit } from './api.ts';
import { flattenTree, subtreeIds, type UnitNode } from './tree.ts';

const NO_PARENT = '__root__';

export function MoveUnitModal({ node, tree, onClose, onMoved }: { node: UnitNode; tree: UnitNode[]; onClose: () => void; onMoved: () => void }) {
  const { t } = useTranslation();
  const excluded = subtreeIds(node);
  const candidates = flattenTree(tree).filter((n) => n.unit.active && !excluded.has(String(n.unit.id)));
  const [target, setTarget] = useState<string | null>(null);
  const move = useMutation({
    mutationFn: () => {
      const hit = candidates.find((n) => String(n.unit.id) === target);
      const parentId: Id | null = hit ? hit.unit.id : null;
      return moveUnit(node.unit.id, parentId);
    },
    onSuccess: onMoved,
  });
  const unchanged =
    target === null ||
    (target === NO_PARENT ? node.unit.parentId == null : String(node.unit.parentId) === target);

  return (
    <Modal opened onClose={onClose} title={t('units.moveTitle', { name: node.unit.name })}>
      <Stack>
        <Text size="sm">{t('units.moveHelp')}</Text>
        {move.error && <ErrorAlert error={move.error} withFields />}
        <Select
          label={t('units.newParent')}
          searchable
          data={[
            { value: NO_PARENT, label: t('units.noParent') },
            ...candidates.map((n) => ({
              value: String(n.unit.id),
              label: `${'· '.repeat(n.depth)}${n.unit.name} (${n.unit.code})`,
            })),
          ]}
          value={target}
          onChange={setTarget}
          data-testid="unit-move-parent"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button disabled={unchanged} loading={move.isPending} onClick={() => move.mutate()} data-testid="unit-move-submit">
            {t('units.move')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
