/** Thresholds per predicate (PermenPANRB 90/2021 Tabel 6 for zi-2021), from the document. */
import { Table, Text } from '@mantine/core';
import type { CompiledLke } from '@zona/scoring';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n/language.ts';
import { lt, num } from './text.ts';

/** A rule target's name: total, pengungkit/hasil, an area or sub-area name. */
export function targetName(lke: CompiledLke, target: string, lang: Language): string {
  if (target === 'total') return lang === 'en' ? 'Total' : 'Nilai total';
  const comp = lke.components.find((c) => c.role === target || c.code === target);
  if (comp) return `${comp.code}. ${lt(comp.component.name, lang)}`;
  const area = lke.areas.find((a) => a.code === target);
  if (area) return `${area.code}. ${lt(area.area.name, lang)}`;
  const sub = lke.subareas.find((s) => s.code === target);
  if (sub) return `${sub.code} ${lt(sub.subarea.name, lang)}`;
  return target;
}

export function ThresholdsTable({ lke, lang }: { lke: CompiledLke; lang: Language }) {
  const { t } = useTranslation();
  const ids: { id: string; target: string }[] = [];
  for (const p of lke.predicates) {
    for (const r of p.predicate.rules) if (!ids.some((x) => x.id === r.id)) ids.push({ id: r.id, target: r.target });
  }
  const withRequirement = lke.predicates.filter((p) => p.predicate.requiresHeld);
  const basis = [...new Set(lke.predicates.flatMap((p) => p.predicate.rules.map((r) => r.basis)))].join('; ');

  return (
    <>
      <Table.ScrollContainer minWidth={520}>
        <Table withTableBorder striped data-testid="lke-thresholds">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('lke.rule')}</Table.Th>
              <Table.Th>{t('lke.target')}</Table.Th>
              {lke.predicates.map((p) => (
                <Table.Th key={p.code} ta="right">
                  {p.code}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ids.map(({ id, target }) => (
              <Table.Tr key={id}>
                <Table.Td ff="monospace">{id}</Table.Td>
                <Table.Td>{targetName(lke, target, lang)}</Table.Td>
                {lke.predicates.map((p) => {
                  const rule = p.predicate.rules.find((r) => r.id === id);
                  return (
                    <Table.Td key={p.code} ta="right">
                      {rule ? `≥ ${num(rule.min, lang)}` : '—'}
                      {rule?.percentOfWeight != null && (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          ({rule.percentOfWeight}%)
                        </Text>
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
            {withRequirement.length > 0 && (
              <Table.Tr>
                <Table.Td ff="monospace">{withRequirement[0].predicate.requiresHeld?.failureId}</Table.Td>
                <Table.Td>{t('lke.priorPredicate')}</Table.Td>
                {lke.predicates.map((p) => (
                  <Table.Td key={p.code} ta="right">
                    {p.predicate.requiresHeld ? p.predicate.requiresHeld.anyOf.join(' / ') : '—'}
                  </Table.Td>
                ))}
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {basis && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('lke.basis')}: {basis}
        </Text>
      )}
    </>
  );
}
