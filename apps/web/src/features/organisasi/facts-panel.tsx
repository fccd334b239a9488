/** Agency facts per year (BPK opinion, SAKIP predicate, Indeks RB, SPIP maturity), editable. */
import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Table, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { TableStates } from '../../components/ui/list-states.tsx';
import { type AgencyFacts, BPK_OPINIONS, GRADES, type Instansi, SPIP_LEVELS } from '../../lib/api/types.ts';
import { can } from '../../lib/abilities.ts';
import { useForm } from '../../lib/use-form.ts';
import { factsQuery, putFacts } from './api.ts';

const COLS = 6;

function FactsModal({ instansi, facts, onClose }: { instansi: Instansi; facts: AgencyFacts | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm(
    {
      year: facts?.year ?? new Date().getFullYear(),
      bpkOpinion: facts?.bpkOpinion ?? null,
      sakipPredicate: facts?.sakipPredicate ?? null,
      indeksRb: facts?.indeksRb ?? null,
      spipLevel: facts?.spipLevel ?? null,
    } as AgencyFacts,
    (v) => ({ year: Number.isInteger(v.year) && v.year >= 2000 && v.year <= 2100 ? undefined : t('facts.yearInvalid') }),
  );
  const save = useMutation({
    mutationFn: () => {
      const { year, ...rest } = form.values;
      return putFacts(instansi.id, year, rest);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['instansi', 'facts'] });
      onClose();
    },
    onError: (error) => form.applyServerErrors(error),
  });
  const grades = GRADES.map((g) => ({ value: g, label: g }));
  return (
    <Modal opened onClose={onClose} title={facts ? t('facts.editYear', { year: facts.year }) : t('facts.add')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (form.validateAll()) save.mutate();
        }}
      >
        <Stack>
          {save.error && <ErrorAlert error={save.error} extra={form.unmatched} />}
          <NumberInput
            label={t('facts.year')}
            value={form.values.year}
            onChange={(v) => form.set('year', Number(v))}
            disabled={Boolean(facts)}
            min={2000}
            max={2100}
            allowDecimal={false}
            error={form.errors.year}
            required
          />
          <SimpleGrid cols={2}>
            <Select
              label={t('facts.bpkOpinion')}
              data={BPK_OPINIONS.map((o) => ({ value: o, label: `${o} — ${t(`facts.bpk.${o}`)}` }))}
              value={form.values.bpkOpinion}
              onChange={(v) => form.set('bpkOpinion', v as AgencyFacts['bpkOpinion'])}
              error={form.errors.bpkOpinion}
              clearable
            />
            <Select
              label={t('facts.sakipPredicate')}
              data={grades}
              value={form.values.sakipPredicate}
              onChange={(v) => form.set('sakipPredicate', v as AgencyFacts['sakipPredicate'])}
              error={form.errors.sakipPredicate}
              clearable
            />
            <Select
              label={t('facts.indeksRb')}
              data={grades}
              value={form.values.indeksRb}
              onChange={(v) => form.set('indeksRb', v as AgencyFacts['indeksRb'])}
              error={form.errors.indeksRb}
              clearable
            />
            <Select
              label={t('facts.spipLevel')}
              data={SPIP_LEVELS.map((l) => ({ value: String(l), label: `${l} — ${t(`facts.spip.${l}`)}` }))}
              value={form.values.spipLevel == null ? null : String(form.values.spipLevel)}
              onChange={(v) => form.set('spipLevel', v == null ? null : Number(v))}
              error={form.errors.spipLevel}
              clearable
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="facts-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function FactsPanel({ instansi, permissions }: { instansi: Instansi; permissions: string[] }) {
  const { t } = useTranslation();
  const facts = useQuery(factsQuery(String(instansi.id)));
  const [editing, setEditing] = useState<AgencyFacts | 'new' | null>(null);
  const editable = can(instansi, 'instansi:update_facts', permissions);
  const items = [...(facts.data?.items ?? [])].sort((a, b) => b.year - a.year);
  const dash = (v: string | number | null) => (v == null || v === '' ? '—' : String(v));

  return (
    <Stack>
      {editable && (
        <Group>
          <Button variant="light" onClick={() => setEditing('new')} data-testid="facts-add">
            {t('facts.add')}
          </Button>
        </Group>
      )}
      <Table.ScrollContainer minWidth={560}>
        <Table withTableBorder striped data-testid="facts-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('facts.year')}</Table.Th>
              <Table.Th>{t('facts.bpkOpinion')}</Table.Th>
              <Table.Th>{t('facts.sakipPredicate')}</Table.Th>
              <Table.Th>{t('facts.indeksRb')}</Table.Th>
              <Table.Th>{t('facts.spipLevel')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <TableStates query={facts} cols={COLS} isEmpty={items.length === 0} emptyTitle={t('facts.empty')} emptyDescription={t('facts.emptyHelp')} skeletonRows={3} />
            {items.map((f) => (
              <Table.Tr key={f.year}>
                <Table.Td fw={600}>{f.year}</Table.Td>
                <Table.Td>{dash(f.bpkOpinion)}</Table.Td>
                <Table.Td>{dash(f.sakipPredicate)}</Table.Td>
                <Table.Td>{dash(f.indeksRb)}</Table.Td>
                <Table.Td>{dash(f.spipLevel)}</Table.Td>
                <Table.Td>
                  {editable && (
                    <Button size="compact-xs" variant="subtle" onClick={() => setEditing(f)}>
                      {t('common.edit')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editing && (
        <FactsModal instansi={instansi} facts={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}
