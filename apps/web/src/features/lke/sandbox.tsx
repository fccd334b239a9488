/**
 * The LKE sandbox: answer items and watch the score, predicates and cheapest path update live,
 * computed in the browser by @zona/scoring (the server's engine). Answers survive a reload
 * (sessionStorage); the workbook is built by the server from the same answers.
 */
import { Accordion, Button, Code, Collapse, Grid, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import type { AnswerValue, CompiledLke } from '@zona/scoring';
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import type { Language } from '../../i18n/language.ts';
import { type DraftValue, computeSandbox, loadSandbox, type SandboxState, saveSandbox } from './answers.ts';
import { AnswerInput } from './answer-input.tsx';
import { downloadWorkbook } from './api.ts';
import { ScorePanel } from './score-panel.tsx';
import { SimulatePanel } from './simulate-panel.tsx';
import { lt, score2, num } from './text.ts';

const NONE = '__none__';

export function Sandbox({ lke, lang }: { lke: CompiledLke; lang: Language }) {
  const { t } = useTranslation();
  const [state, setState] = useState<SandboxState>(() => loadSandbox(lke.instrument, lke.version));
  const [showJson, json] = useDisclosure(false);
  const deferred = useDeferredValue(state);
  const computed = useMemo(() => computeSandbox(lke, deferred), [lke, deferred]);

  useEffect(() => saveSandbox(lke.instrument, lke.version, state), [lke, state]);

  const onChange = useCallback((code: string, value: DraftValue | undefined) => {
    setState((s) => {
      const answers = { ...s.answers };
      if (value === undefined) delete answers[code];
      else answers[code] = value;
      return { ...s, answers };
    });
  }, []);

  const apply = useCallback((changes: { item: string; to: AnswerValue }[]) => {
    setState((s) => {
      const answers = { ...s.answers };
      for (const c of changes) answers[c.item] = c.to as DraftValue;
      return { ...s, answers };
    });
  }, []);

  const workbook = useMutation({ mutationFn: () => downloadWorkbook(lke.instrument, lke.version, computed.set) });
  const incomplete = new Set(computed.incomplete);
  const itemScores = computed.report.items;
  const subareaScores = computed.report.subareas;
  const areaScores = computed.report.areas;

  return (
    <Stack>
      <Paper withBorder p="sm">
        <Group justify="space-between" align="flex-end">
          <Group align="flex-end">
            <Select
              label={t('lke.holds')}
              description={t('lke.holdsHelp')}
              data={[
                { value: NONE, label: t('lke.holdsNone') },
                ...lke.predicates.map((p) => ({ value: p.code, label: p.code })),
              ]}
              value={state.holds ?? NONE}
              onChange={(v) => setState((s) => ({ ...s, holds: !v || v === NONE ? null : v }))}
              allowDeselect={false}
              w={220}
              data-testid="sandbox-holds"
            />
            <Button
              variant="default"
              disabled={Object.keys(state.answers).length === 0}
              onClick={() => setState((s) => ({ ...s, answers: {} }))}
              data-testid="sandbox-clear"
            >
              {t('lke.clearAll')}
            </Button>
          </Group>
          <Button onClick={() => workbook.mutate()} loading={workbook.isPending} data-testid="lke-workbook">
            {t('lke.downloadWorkbook')}
          </Button>
        </Group>
        {workbook.error && (
          <div style={{ marginTop: 8 }}>
            <ErrorAlert error={workbook.error} withFields />
          </div>
        )}
        {computed.problems.length > 0 && (
          <Text size="xs" c="orange.8" mt="xs">
            {t('lke.leftOut', { codes: computed.problems.map((p) => p.code).join(', ') })}
          </Text>
        )}
      </Paper>

      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Accordion multiple variant="separated" defaultValue={[lke.areas[0]?.code ?? '']} data-testid="sandbox-form">
            {lke.areas.map((a) => (
              <Accordion.Item key={a.code} value={a.code}>
                <Accordion.Control>
                  <Group justify="space-between" wrap="nowrap" pr="sm">
                    <Text fw={600} size="sm">
                      {a.code}. {lt(a.area.name, lang)}
                    </Text>
                    <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {score2(areaScores[a.index].score, lang)} / {num(a.weight, lang)}
                    </Text>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <Stack gap="md">
                    {lke.subareas.slice(a.subareaStart, a.subareaEnd).map((s) => (
                      <div key={s.code}>
                        <Group justify="space-between" wrap="nowrap" mb={4}>
                          <Text size="sm" fw={600}>
                            <Text span ff="monospace">
                              {s.code}
                            </Text>{' '}
                            {lt(s.subarea.name, lang)}
                          </Text>
                          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                            {score2(subareaScores[s.index].score, lang)} / {num(s.weight, lang)}
                          </Text>
                        </Group>
                        <Stack gap={0} pl="sm" style={{ borderInlineStart: '2px solid var(--mantine-color-gray-2)' }}>
                          {lke.items.slice(s.itemStart, s.itemEnd).map((item) => (
                            <AnswerInput
                              key={item.code}
                              item={item}
                              value={state.answers[item.code]}
                              scored={itemScores[item.index].answered ? itemScores[item.index].value : undefined}
                              incomplete={incomplete.has(item.code)}
                              lang={lang}
                              onChange={onChange}
                            />
                          ))}
                        </Stack>
                      </div>
                    ))}
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack className="zona-sticky-panel">
            <ScorePanel lke={lke} report={computed.report} lang={lang} />
            <SimulatePanel lke={lke} simulation={computed.simulation} lang={lang} onApply={apply} />
            <div>
              <Button size="compact-xs" variant="subtle" onClick={json.toggle} aria-expanded={showJson}>
                {showJson ? t('lke.hideJson') : t('lke.showJson')}
              </Button>
              <Collapse expanded={showJson}>
                <Code block className="zona-json" mt="xs" data-testid="sandbox-json">
                  {JSON.stringify(computed.contract, null, 2)}
                </Code>
              </Collapse>
            </div>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
