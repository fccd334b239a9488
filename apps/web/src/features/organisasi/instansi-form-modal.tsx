/** Create or edit an instansi (name, kind, code). */
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { INSTANSI_KINDS, type Instansi, type InstansiKind } from '../../lib/api/types.ts';
import { useForm } from '../../lib/use-form.ts';
import { createInstansi, updateInstansi } from './api.ts';

interface Props {
  opened: boolean;
  onClose: () => void;
  instansi?: Instansi;
  onSaved: (saved: Instansi) => void;
}

export function InstansiFormModal({ opened, onClose, instansi, onSaved }: Props) {
  const { t } = useTranslation();
  const form = useForm(
    { name: instansi?.name ?? '', kind: (instansi?.kind ?? 'kementerian') as InstansiKind, code: instansi?.code ?? '' },
    (v) => ({
      name: v.name.trim() ? undefined : t('validation.required'),
      code: v.code.trim() ? undefined : t('validation.required'),
    }),
  );
  const save = useMutation({
    mutationFn: () => {
      const input = { name: form.values.name.trim(), kind: form.values.kind, code: form.values.code.trim() };
      return instansi ? updateInstansi(instansi.id, input) : createInstansi(input);
    },
    onSuccess: (saved) => onSaved(saved),
    onError: (error) => form.applyServerErrors(error),
  });

  return (
    <Modal opened={opened} onClose={onClose} title={instansi ? t('org.editInstansi') : t('org.createInstansi')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (form.validateAll()) save.mutate();
        }}
      >
        <Stack>
          {save.error && <ErrorAlert error={save.error} extra={form.unmatched} />}
          <TextInput label={t('org.name')} required data-testid="instansi-name" {...form.text('name')} />
          <Select
            label={t('org.kind')}
            required
            allowDeselect={false}
            data={INSTANSI_KINDS.map((k) => ({ value: k, label: t(`org.kinds.${k}`) }))}
            value={form.values.kind}
            onChange={(v) => v && form.set('kind', v as InstansiKind)}
            error={form.errors.kind}
          />
          <TextInput label={t('org.code')} required data-testid="instansi-code" {...form.text('code')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="instansi-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
