/** Filter bar of the audit screen: entity type, action, actor, date range. */
import { Autocomplete, Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RemoteSelect } from '../../components/ui/remote-select.tsx';
import type { UserRow } from '../../lib/api/types.ts';
import { ACTIONS, type AuditFilters as Filters, ENTITY_TYPES } from './api.ts';

interface Props {
  value: Filters;
  onChange: (next: Filters) => void;
}

export function AuditFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<Filters>) => onChange({ ...value, ...patch });
  const dateError = value.from && value.to && value.from > value.to ? t('audit.dateOrder') : undefined;
  const empty = !value.entityType && !value.action && value.actorId == null && !value.from && !value.to;

  return (
    <Stack gap="xs" mb="md">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }}>
        <Autocomplete
          label={t('audit.entityType')}
          data={ENTITY_TYPES}
          value={value.entityType ?? ''}
          onChange={(v) => set({ entityType: v.trim() || undefined })}
          placeholder={t('common.all')}
          data-testid="audit-filter-entity"
        />
        <Autocomplete
          label={t('audit.action')}
          data={ACTIONS}
          value={value.action ?? ''}
          onChange={(v) => set({ action: v.trim() || undefined })}
          placeholder={t('common.all')}
          data-testid="audit-filter-action"
        />
        <RemoteSelect<UserRow>
          label={t('audit.actor')}
          path="/api/users"
          value={value.actorId ?? null}
          onChange={(id) => set({ actorId: id ?? undefined })}
          toLabel={(u) => `${u.name} (${u.username})`}
          clearable
          placeholder={t('common.all')}
          testId="audit-filter-actor"
        />
        <TextInput
          type="date"
          label={t('audit.from')}
          value={value.from ?? ''}
          onChange={(e) => set({ from: e.currentTarget.value || undefined })}
          data-testid="audit-filter-from"
        />
        <TextInput
          type="date"
          label={t('audit.to')}
          value={value.to ?? ''}
          onChange={(e) => set({ to: e.currentTarget.value || undefined })}
          error={dateError}
          data-testid="audit-filter-to"
        />
      </SimpleGrid>
      {!empty && (
        <Group justify="flex-end">
          <Button variant="subtle" size="compact-sm" onClick={() => onChange({})} data-testid="audit-filter-reset">
            {t('audit.resetFilters')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
