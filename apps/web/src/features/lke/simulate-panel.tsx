/**
 * "Jalur termurah": per predicate, the cheapest set of answer changes that closes every rule
 * answers can close (from `simulate` of @zona/scoring), what cannot be closed and why, and the
 * single changes with the biggest gain. Each step can be applied to the sandbox.
 */
import { Alert, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { AnswerValue, CompiledLke, Simulation } from '@zona/scoring';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n/language.ts';
import { formatAnswer } from './answers.ts';
import { lt, score2 } from './text.ts';

interface Props {
  lke: CompiledLke;
  simulation: Simulation;
  lang: Language;
  onApply: (changes: { item: string; to: AnswerValue }[]) => void;
}

const TOP = 10;

export function SimulatePanel({ lke, simulation, lang, onApply }: Props) {
  const { t } = useTranslation();
  const fmt = (v: AnswerValue | null) => formatAnswer(v, t('lke.yes'), t('lke.no'));
  const itemText = (code: string) => {
    const index = lke.itemIndex.get(code);
    return index === undefined ? '' : lt(lke.items[index].item.text, lang);
  };

  return (
    <Stack gap="sm" data-testid="sandbox-simulate">
      <Title order={3} size="h5">
        {t('lke.cheapestPath')}
      </Title>
      {simulation.predicates.map((p) => (
        <Paper key={p.code} withBorder p="sm" data-testid={`simulate-${p.code}`}>
          <Group justify="space-between" mb="xs">
            <Text fw={700}>{p.code}</Text>
            {!p.eligible && p.path.length > 0 && (
              <Button size="compact-xs" variant="light" onClick={() => onApply(p.path.map((s) => ({ item: s.item, to: s.to })))}>
                {t('lke.applyPath')}
              </Button>
            )}
          </Group>
          {p.eligible ? (
            <Text size="sm" c="green.8">
              {t('lke.alreadyMet')}
            </Text>
          ) : (
            <Stack gap="xs">
              {p.path.length > 0 && (
                <Table fz="xs" verticalSpacing={2}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('lke.item')}</Table.Th>
                      <Table.Th>{t('lke.change')}</Table.Th>
                      <Table.Th ta="right">{t('lke.gain')}</Table.Th>
                      <Table.Th ta="right">{t('lke.total')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {p.path.map((s) => (
                      <Table.Tr key={s.item}>
                        <Table.Td title={itemText(s.item)} ff="monospace">
                          {s.item}
                        </Table.Td>
                        <Table.Td>
                          {fmt(s.from)} → <b>{fmt(s.to)}</b>
                          {s.closes.length > 0 && (
                            <Text size="xs" c="green.8">
                              {t('lke.closes', { rules: s.closes.join(', ') })}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td ta="right">+{score2(s.gain, lang)}</Table.Td>
                        <Table.Td ta="right">{score2(s.total, lang)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
              {p.unclosable.length > 0 && (
                <Alert color="orange" p="xs">
                  <List size="xs" spacing={2}>
                    {p.unclosable.map((u) => (
                      <List.Item key={u.id}>
                        <b>{u.id}</b>: {lt(u.reason, lang)}
                      </List.Item>
                    ))}
                  </List>
                </Alert>
              )}
              <Text size="xs" c="dimmed">
                {p.reachable
                  ? t('lke.projected', { total: score2(p.projected.total, lang) })
                  : t('lke.projectedNot', { total: score2(p.projected.total, lang), rules: p.projected.failures.join(', ') })}
              </Text>
            </Stack>
          )}
        </Paper>
      ))}

      {simulation.improvements.length > 0 && (
        <Paper withBorder p="sm">
          <Text fw={600} size="sm" mb="xs">
            {t('lke.topImprovements', { count: Math.min(TOP, simulation.improvements.length) })}
          </Text>
          <Table fz="xs" verticalSpacing={2}>
            <Table.Tbody>
              {simulation.improvements.slice(0, TOP).map((imp) => (
                <Table.Tr key={imp.item}>
                  <Table.Td ff="monospace" title={itemText(imp.item)}>
                    {imp.item}
                  </Table.Td>
                  <Table.Td>
                    {fmt(imp.from)} → <b>{fmt(imp.best.to)}</b>
                    {!imp.controllable && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        ({t('lke.survey')})
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">+{score2(imp.best.gain, lang)}</Table.Td>
                  <Table.Td ta="right">
                    {imp.controllable && (
                      <Button size="compact-xs" variant="subtle" onClick={() => onApply([{ item: imp.item, to: imp.best.to }])}>
                        {t('lke.apply')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
