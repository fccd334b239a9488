/** A user's role assignments: list, add, remove (with confirmation). */
import { Badge, Button, Group, Stack, Table, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { EmptyBlock, FullRow } from '../../components/ui/list-states.tsx';
import type { RoleAssignment, UserRow } from '../../lib/api/types.ts';
import { roleLabel } from '../../lib/labels.ts';
import { removeRole } from './api.ts';
import { AddRoleModal } from './add-role-modal.tsx';

export function RoleAssignments({ user, canAssign }: { user: UserRow; canAssign: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<RoleAssignment | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['users'] });
  const remove = useMutation({
    mutationFn: (r: RoleAssignment) => removeRole(user.id, r.id),
    onSuccess: () => {
      setRemoving(null);
      notifications.show({ color: 'green', message: t('roles.removed') });
      void refresh();
    },
  });
  const roles = user.roles ?? [];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('roles.title')}
        </Title>
        {canAssign && (
          <Button variant="light" onClick={() => setAdding(true)} data-testid="role-add">
            {t('roles.add')}
          </Button>
        )}
      </Group>
      <Table withTableBorder data-testid="role-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('roles.role')}</Table.Th>
            <Table.Th>{t('roles.scope')}</Table.Th>
            <Table.Th>{t('home.details')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {roles.length === 0 && (
            <FullRow cols={4}>
              <EmptyBlock title={t('roles.empty')} />
            </FullRow>
          )}
          {roles.map((r) => (
            <Table.Tr key={String(r.id)}>
              <Table.Td>{roleLabel(r.role, lang)}</Table.Td>
              <Table.Td>{r.unitName ?? r.instansiName ?? t('home.national')}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {r.includeDescendants && <Badge variant="outline">{t('roles.includeDescendants')}</Badge>}
                  {r.area && <Badge variant="outline">{t('roles.areaN', { area: r.area })}</Badge>}
                </Group>
              </Table.Td>
              <Table.Td ta="right">
                {canAssign && (
                  <Button
                    size="compact-xs"
                    color="red"
                    variant="subtle"
                    onClick={() => {
                      remove.reset();
                      setRemoving(r);
                    }}
                    aria-label={t('roles.removeLabel', { role: roleLabel(r.role, lang) })}
                    data-testid="role-remove"
                  >
                    {t('roles.remove')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {adding && (
        <AddRoleModal
          userId={user.id}
          onClose={() => setAdding(false)}
          onAdded={() => {
            setAdding(false);
            notifications.show({ color: 'green', message: t('roles.added') });
            void refresh();
          }}
        />
      )}
      <ConfirmDialog
        opened={removing !== null}
        title={t('roles.remove')}
        message={removing ? t('roles.removeConfirm', { role: roleLabel(removing.role, lang), name: user.name }) : ''}
        confirmLabel={t('roles.remove')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing)}
        onClose={() => setRemoving(null)}
      />
    </Stack>
  );
}
