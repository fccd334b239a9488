/**
 * /lke — the LKE instruments: pick an instrument and version, read it as a tree with weights,
 * criteria and thresholds (Indonesian, or the English summaries), and try it in the sandbox.
 */
// Must come first: configures zod before @zona/scoring builds its schemas.
import '../features/lke/zod-jitless.ts';
import { Alert, Badge, Group, Paper, SegmentedControl, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyBlock, ErrorBlock, SkeletonBlock } from '../components/ui/list-states.tsx';
import { PageHeader } from '../components/ui/page-header.tsx';
import { InstrumentTree } from '../features/lke/instrument-tree.tsx';
import { lkeDocQuery, lkeListQuery } from '../features/lke/api.ts';
import { Sandbox } from '../features/lke/sandbox.tsx';
import { ThresholdsTable } from '../features/lke/thresholds-table.tsx';
import { isLanguage, type Language } from '../i18n/language.ts';
import type { LkeSummary } from '../lib/api/types.ts';
import { localText } from '../lib/labels.ts';

const SELECTED_KEY = 'zona.lke.selected';
const keyOf = (s: Pick<LkeSummary, 'instrument' | 'version'>) => `${s.instrument}@${s.version}`;

function rememberedSelection(): string | null {
  try {
    return window.sessionStorage.getItem(SELECTED_KEY);
  } catch {
    return null;
  }
}

export function LkePage() {
  const { t, i18n } = useTranslation();
  const list = useQuery(lkeListQuery);
  const [selected, setSelected] = useState<string | null>(rememberedSelection);
  const [contentLang, setContentLang] = useState<Language>(isLanguage(i18n.language) ? i18n.language : 'id');
  const [tab, setTab] = useState<string | null>('instrument');

  const items = list.data?.items ?? [];
  const current =
    items.find((i) => keyOf(i) === selected) ??
    items.find((i) => i.status === 'published' && !i.bestEffort) ??
    items[0];

  useEffect(() => {
    if (!current) return;
    try {
      window.sessionStorage.setItem(SELECTED_KEY, keyOf(current));
    } catch {
      // ignore: the choice is only a convenience
    }
  }, [current]);

  const doc = useQuery({
    ...lkeDocQuery(current?.instrument ?? '', current?.version ?? 0),
    enabled: Boolean(current),
  });

  return (
    <Stack>
      <PageHeader title={t('lke.title')} description={t('lke.description')} />
      <Paper withBorder p="md">
        {list.isPending && <SkeletonBlock lines={2} />}
        {list.isError && <ErrorBlock error={list.error} onRetry={() => void list.refetch()} />}
        {list.isSuccess && items.length === 0 && <EmptyBlock title={t('lke.empty')} />}
        {current && (
          <Group justify="space-between" align="flex-end">
            <Select
              label={t('lke.instrument')}
              data={items.map((i) => ({ value: keyOf(i), label: `${i.instrument} v${i.version} — ${localText(i.title)}` }))}
              value={keyOf(current)}
              onChange={(v) => v && setSelected(v)}
              allowDeselect={false}
              w={{ base: '100%', sm: 520 }}
              data-testid="lke-select"
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="lke-content-lang">
                {t('lke.contentLanguage')}
              </Text>
              <SegmentedControl
                aria-labelledby="lke-content-lang"
                data={[
                  { value: 'id', label: 'Indonesia' },
                  { value: 'en', label: 'English' },
                ]}
                value={contentLang}
                onChange={(v) => isLanguage(v) && setContentLang(v)}
                data-testid="lke-content-lang"
              />
            </Stack>
          </Group>
        )}
        {current && (
          <Group gap="xs" mt="sm">
            <Badge variant="light" color={current.status === 'published' ? 'green' : 'gray'}>
              {t(current.status === 'published' ? 'lke.statusPublished' : 'lke.statusDraft')}
            </Badge>
            <Text size="xs" c="dimmed">
              {t('lke.itemCount', { count: current.itemCount })}
            </Text>
            <Text size="xs" c="dimmed" ff="monospace" title={current.checksum}>
              sha256 {current.checksum.replace(/^sha256:/, '').slice(0, 12)}…
            </Text>
          </Group>
        )}
        {current?.bestEffort && (
          <Alert color="yellow" mt="sm" title={t('lke.bestEffortTitle')}>
            {t('lke.bestEffort')}
          </Alert>
        )}
      </Paper>

      {current && doc.isPending && <SkeletonBlock lines={10} />}
      {doc.isError && <ErrorBlock error={doc.error} onRetry={() => void doc.refetch()} />}
      {doc.data && (
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="instrument" data-testid="lke-tab-instrument">
              {t('lke.tabInstrument')}
            </Tabs.Tab>
            <Tabs.Tab value="sandbox" data-testid="lke-tab-sandbox">
              {t('lke.tabSandbox')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="instrument">
            <Stack>
              <section aria-labelledby="lke-thresholds-title">
                <Title order={2} size="h4" id="lke-thresholds-title" mb="xs">
                  {t('lke.thresholds')}
                </Title>
                <ThresholdsTable lke={doc.data} lang={contentLang} />
              </section>
              <section aria-labelledby="lke-tree-title">
                <Title order={2} size="h4" id="lke-tree-title" mb="xs">
                  {t('lke.structure')}
                </Title>
                <InstrumentTree lke={doc.data} lang={contentLang} />
              </section>
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="sandbox">
            <Sandbox key={keyOf(doc.data)} lke={doc.data} lang={contentLang} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
