/** Live score: totals, areas, and per predicate whether it is met and every failing rule. */
import { Badge, Group, List, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import type { CompiledLke, ScoreReport } from '@zona/scoring';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n/language.ts';
import { lt, score2, num } from './text.ts';
import { targetName } from './thresholds-table.tsx';

export function ScorePanel({ lke, report, lang }: { lke: CompiledLke; report: ScoreReport; lang: Language }) {
  const { t } = useTranslation();
  const { answered, total } = report.completeness;
  return (
    <Stack gap="sm" data-testid="sandbox-score">
      <Paper withBorder p="sm">
        <Group justify="space-between" align="flex-end">
          <div>
            <Text size="xs" c="dimmed">
              {t('lke.total')}
            </Text>
            <Text fz={32} fw={700} lh={1} data-testid="sandbox-total">
              {score2(report.total.score, lang)}
            </Text>
          </div>
          <Stack gap={0} align="flex-end">
            {report.components.map((c) => (
              <Text key={c.code} size="sm">
                {c.role}: <b>{score2(c.score, lang)}</b> / {c.weight}
              </Text>
            ))}
          </Stack>
        </Group>
        <Progress value={(answered / Math.max(1, total)) * 100} mt="sm" size="sm" aria-label={t('lke.completeness')} />
        <Text size="xs" c="dimmed" mt={4}>
          {t('lke.answeredOf', { answered, total })}
        </Text>
      </Paper>

      <Paper withBorder p="sm">
        <Table fz="sm" verticalSpacing={2}>
          <Table.Tbody>
            {report.areas.map((a) => {
              const area = lke.areas.find((x) => x.code === a.code);
              return (
                <Table.Tr key={a.code}>
                  <Table.Td>
                    {a.code}. {area ? lt(area.area.name, lang) : ''}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {score2(a.score, lang)} / {num(a.weight, lang)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Paper>

      <Title order={3} size="h5">
        {t('lke.predicates')}
      </Title>
      {report.predicates.map((p) => {
        const failing = p.rules.filter((r) => !r.passed);
        return (
          <Paper key={p.code} withBorder p="sm" data-testid={`predicate-${p.code}`} data-eligible={String(p.eligible)}>
            <Group justify="space-between" mb={failing.length || p.requiresHeld ? 'xs' : 0}>
              <Text fw={700}>{p.code}</Text>
              <Badge color={p.eligible ? 'green' : 'red'} variant="filled">
                {p.eligible ? t('lke.eligible') : t('lke.notEligible')}
              </Badge>
            </Group>
            {(failing.length > 0 || (p.requiresHeld && !p.requiresHeld.satisfied)) && (
              <List size="sm" spacing={2}>
                {failing.map((r) => (
                  <List.Item key={r.id}>
                    <Text span ff="monospace" size="xs">
                      {r.id}
                    </Text>{' '}
                    {targetName(lke, r.target, lang)}: {score2(r.value, lang)} &lt; {score2(r.min, lang)}{' '}
                    <Text span c="red.7" size="xs">
                      ({t('lke.short', { gap: score2(r.gap, lang) })})
                    </Text>
                  </List.Item>
                ))}
                {p.requiresHeld && !p.requiresHeld.satisfied && (
                  <List.Item>
                    <Text span ff="monospace" size="xs">
                      {p.requiresHeld.failureId}
                    </Text>{' '}
                    {t('lke.requiresHeld', { anyOf: p.requiresHeld.anyOf.join(' / ') })}
                  </List.Item>
                )}
              </List>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}
