/** Create a unit (under a chosen parent) or edit one (name, code, eselon, public service, address). */
import { Button, Group, Modal, Select, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { ESELONS, type Eselon, type Id, type Unit } from '../../lib/api/types.ts';
import { useForm } from '../../lib/use-form.ts';
import { createUnit, updateUnit } from './api.ts';
import { flattenTree, type UnitNode } from './tree.ts';

interface Props {
  instansiId: Id;
  tree: UnitNode[];
  /** Editing this unit; creating when absent. */
  unit?: Unit;
  /** Pre-selected parent when creating ("add sub-unit"). */
  parentId?: Id | null;
  onClose: () => void;
  onSaved: (unit: Unit) => void;
}

const NO_PARENT = '__root__';

export function UnitFormModal({ instansiId, tree, unit, parentId, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const form = useForm(
    {
      name: unit?.name ?? '',
      code: unit?.code ?? '',
      eselon: (unit?.eselon ?? null) as Eselon | null,
      servesPublic: unit?.servesPublic ?? false,
      address: unit?.address ?? '',
      parentId: (unit ? unit.parentId : (parentId ?? null)) as Id | null,
    },
    (v) => ({
      name: v.name.trim() ? undefined : t('validation.required'),
      code: v.code.trim() ? undefined : t('validation.required'),
    }),
  );
  const parents = flattenTree(tree).filter((n) => n.unit.active);

  const save = useMutation({
    mutationFn: () => {
      const v = form.values;
      const input = {
        name: v.name.trim(),
        code: v.code.trim(),
        eselon: v.eselon,
        servesPublic: v.servesPublic,
        address: v.address.trim() || null,
      };
      return unit ? updateUnit(unit.id, input) : createUnit({ ...input, instansiId, parentId: v.parentId });
    },
    onSuccess: onSaved,
    onError: (error) => form.applyServerErrors(error),
  });

  return (
    <Modal opened onClose={onClose} title={unit ? t('units.edit') : t('units.create')} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (form.validateAll()) save.mutate();
        }}
      >
        <Stack>
          {save.error && <ErrorAlert error={save.error} extra={form.unmatched} />}
          {!unit && (
            <Select
              label={t('units.parent')}
              searchable
              allowDeselect={false}
              data={[
                { value: NO_PARENT, label: t('units.noParent') },
                ...parents.map((n) => ({
                  value: String(n.unit.id),
                  label: `${'· '.repeat(n.depth)}${n.unit.name} (${n.unit.code})`,
                })),
              ]}
              value={form.values.parentId == null ? NO_PARENT : String(form.values.parentId)}
              onChange={(v) => {
                const hit = parents.find((n) => String(n.unit.id) === v);
                form.set('parentId', hit ? hit.unit.id : null);
              }}
              error={form.errors.parentId}
              data-testid="unit-parent"
            />
          )}
          <TextInput label={t('units.name')} required data-testid="unit-name" {...form.text('name')} />
          <Group grow align="flex-start">
            <TextInput label={t('units.code')} required data-testid="unit-code" {...form.text('code')} />
            <Select
              label={t('units.eselon')}
              data={ESELONS.map((e) => ({ value: e, label: t('units.eselonN', { level: e }) }))}
              value={form.values.eselon}
              onChange={(v) => form.set('eselon', v as Eselon | null)}
              placeholder={t('units.nonEselon')}
              clearable
              error={form.errors.eselon}
              data-testid="unit-eselon"
            />
          </Group>
          <Switch
            label={t('units.servesPublic')}
            description={t('units.servesPublicHelp')}
            checked={form.values.servesPublic}
            onChange={(e) => form.set('servesPublic', e.currentTarget.checked)}
            error={form.errors.servesPublic}
            data-testid="unit-serves-public"
          />
          <Textarea label={t('units.address')} autosize minRows={2} data-testid="unit-address" {...form.text('address')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="unit-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
