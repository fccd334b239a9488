/** The instrument as a tree: components → areas → sub-areas → items, with weights. */
import { Accordion, Badge, Divider, Group, Paper, Stack, Text } from '@mantine/core';
import type { CompiledLke } from '@zona/scoring';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n/language.ts';
import { ItemDetails } from './item-details.tsx';
import { lt, num } from './text.ts';

export function InstrumentTree({ lke, lang }: { lke: CompiledLke; lang: Language }) {
  const { t } = useTranslation();
  return (
    <Accordion multiple variant="separated" defaultValue={[lke.components[0]?.code ?? '']} data-testid="lke-tree">
      {lke.components.map((c) => (
        <Accordion.Item key={c.code} value={c.code}>
          <Accordion.Control>
            <Group gap="xs">
              <Text fw={700}>
                {c.code}. {lt(c.component.name, lang)}
              </Text>
              <Badge variant="light">{c.role}</Badge>
              <Text size="sm" c="dimmed">
                {t('lke.weight', { weight: num(c.weight, lang) })}
              </Text>
            </Group>
          </Accordion.Control>
          <Accordion.Panel>
            <Accordion multiple variant="contained">
              {lke.areas.slice(c.areaStart, c.areaEnd).map((a) => (
                <Accordion.Item key={a.code} value={a.code}>
                  <Accordion.Control>
                    <Group gap="xs">
                      <Text fw={600}>
                        {a.code}. {lt(a.area.name, lang)}
                      </Text>
                      <Text size="sm" c="dimmed">
                        {t('lke.weight', { weight: num(a.weight, lang) })}
                      </Text>
                    </Group>
                  </Accordion.Control>
                  <Accordion.Panel>
                    <Stack gap="sm">
                      {lke.subareas.slice(a.subareaStart, a.subareaEnd).map((s) => (
                        <Paper key={s.code} withBorder p="sm">
                          <Group gap="xs" mb="xs">
                            <Text size="sm" ff="monospace" fw={700}>
                              {s.code}
                            </Text>
                            <Text size="sm" fw={600}>
                              {lt(s.subarea.name, lang)}
                            </Text>
                            {s.aspect && (
                              <Badge size="xs" variant="dot" tt="none">
                                {t(`lke.aspect.${s.aspect}`)}
                              </Badge>
                            )}
                            <Text size="xs" c="dimmed">
                              {t('lke.weight', { weight: num(s.weight, lang) })}
                            </Text>
                          </Group>
                          <Stack gap="xs">
                            {lke.items.slice(s.itemStart, s.itemEnd).map((item, i) => (
                              <div key={item.code}>
                                {i > 0 && <Divider mb="xs" />}
                                <ItemDetails item={item} lang={lang} />
                              </div>
                            ))}
                          </Stack>
                        </Paper>
                      ))}
                    </Stack>
                  </Accordion.Panel>
                </Accordion.Item>
              ))}
            </Accordion>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
