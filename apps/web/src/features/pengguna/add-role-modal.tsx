/**
 * Adds a role assignment. The role's scopes (from GET /api/roles) decide the rest: national
 * roles need no unit; agency roles an instansi; unit roles a unit (optionally with descendants);
 * work-team members may name the area (Pokja) they work on.
 */
import { Button, Checkbox, Group, Modal, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { LKE_AREAS, ROLE_SCOPES, ROLES, type Role, type ScopeKind } from '@zona/shared';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { RemoteSelect } from '../../components/ui/remote-select.tsx';
import type { Id, Instansi, Unit } from '../../lib/api/types.ts';
import { localText, roleLabel } from '../../lib/labels.ts';
import { useForm } from '../../lib/use-form.ts';
import { addRole, rolesQuery } from './api.ts';

export function AddRoleModal({ userId, onClose, onAdded }: { userId: Id; onClose: () => void; onAdded: () => void }) {
  const { t } = useTranslation();
  const roles = useQuery(rolesQuery);
  const catalogue =
    roles.data?.items.map((r) => ({ role: r.role, label: localText(r.label), scopes: r.scopes as ScopeKind[] })) ??
    ROLES.map((r) => ({ role: r, label: roleLabel(r), scopes: [...ROLE_SCOPES[r]] }));
  const form = useForm({
    role: null as Role | null,
    scope: null as ScopeKind | null,
    unitId: null as Id | null,
    instansiId: null as Id | null,
    includeDescendants: false,
    area: null as string | null,
  });
  const entry = catalogue.find((c) => c.role === form.values.role);
  const scope = form.values.scope ?? entry?.scopes[0] ?? null;

  const validate = () => {
    const v = form.values;
    const errors: Record<string, string | undefined> = {
      role: v.role ? undefined : t('validation.required'),
      unitId: scope === 'unit' && v.unitId == null ? t('validation.required') : undefined,
      instansiId: scope === 'agency' && v.instansiId == null ? t('validation.required') : undefined,
    };
    form.setErrors(errors);
    return Object.values(errors).every((e) => !e);
  };

  const save = useMutation({
    mutationFn: () => {
      const v = form.values;
      return addRole(userId, {
        role: v.role as Role,
        unitId: scope === 'unit' ? v.unitId : null,
        instansiId: scope === 'agency' ? v.instansiId : null,
        includeDescendants: scope === 'unit' && v.includeDescendants,
        area: v.role === 'work_team' ? v.area : null,
      });
    },
    onSuccess: onAdded,
    onError: (error) => form.applyServerErrors(error),
  });

  return (
    <Modal opened onClose={onClose} title={t('roles.add')}>
      <Stack>
        {save.error && <ErrorAlert error={save.error} extra={form.unmatched} />}
        <Select
          label={t('roles.role')}
          required
          searchable
          data={catalogue.map((c) => ({ value: c.role, label: c.label }))}
          value={form.values.role}
          onChange={(v) => {
            form.set('role', v as Role | null);
            form.set('scope', null);
          }}
          error={form.errors.role}
          data-testid="role-select"
        />
        {entry && entry.scopes.length > 1 && (
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('roles.scope')}
            </Text>
            <SegmentedControl
              data={entry.scopes.map((s) => ({ value: s, label: t(`roles.scopes.${s}`) }))}
              value={scope ?? undefined}
              onChange={(v) => form.set('scope', v as ScopeKind)}
            />
          </div>
        )}
        {scope === 'national' && <Text size="sm">{t('roles.nationalHelp')}</Text>}
        {scope === 'agency' && (
          <RemoteSelect<Instansi>
            label={t('roles.instansi')}
            path="/api/instansi"
            value={form.values.instansiId}
            onChange={(id) => form.set('instansiId', id)}
            toLabel={(i) => i.name}
            error={form.errors.instansiId}
            required
            testId="role-instansi"
          />
        )}
        {scope === 'unit' && (
          <>
            <RemoteSelect<Unit>
              label={t('roles.unit')}
              path="/api/units"
              value={form.values.unitId}
              onChange={(id) => form.set('unitId', id)}
              toLabel={(u) => `${u.name} (${u.code})`}
              error={form.errors.unitId}
              required
              testId="role-unit"
            />
            <Checkbox
              label={t('roles.includeDescendants')}
              description={t('roles.includeDescendantsHelp')}
              checked={form.values.includeDescendants}
              onChange={(e) => form.set('includeDescendants', e.currentTarget.checked)}
              data-testid="role-descendants"
            />
          </>
        )}
        {form.values.role === 'work_team' && (
          <Select
            label={t('roles.area')}
            description={t('roles.areaHelp')}
            data={LKE_AREAS.map((a) => ({ value: a, label: `${a} — ${t(`lke.areas.${a}`)}` }))}
            value={form.values.area}
            onChange={(v) => form.set('area', v)}
            clearable
            data-testid="role-area"
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={save.isPending} onClick={() => validate() && save.mutate()} data-testid="role-submit">
            {t('roles.add')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
