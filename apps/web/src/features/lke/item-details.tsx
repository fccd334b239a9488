/** One LKE item as reference text: its question, answer type, options/criteria, counts, evidence. */
import { Badge, Group, List, Stack, Table, Text } from '@mantine/core';
import type { CompiledItem } from '@zona/scoring';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n/language.ts';
import { lt, num } from './text.ts';

export function AnswerTypeBadge({ item }: { item: CompiledItem }) {
  const { t } = useTranslation();
  return (
    <Badge size="xs" variant="outline" color="gray" tt="none">
      {t(`lke.types.${item.kind}`)}
    </Badge>
  );
}

export function ItemDetails({ item, lang }: { item: CompiledItem; lang: Language }) {
  const { t } = useTranslation();
  const answer = item.item.answer;
  return (
    <Stack gap={6} data-testid="lke-item" data-code={item.code}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Text size="sm" ff="monospace" fw={600} style={{ whiteSpace: 'nowrap' }}>
          {item.code}
        </Text>
        <Text size="sm" style={{ flex: 1 }}>
          {lt(item.item.text, lang)}
        </Text>
      </Group>
      <Group gap="xs">
        <AnswerTypeBadge item={item} />
        <Text size="xs" c="dimmed">
          {t('lke.itemShare', { share: num(item.share, lang) })}
        </Text>
      </Group>
      {answer.type === 'options' && (
        <Table withTableBorder fz="sm" verticalSpacing={4}>
          <Table.Tbody>
            {answer.options.map((o) => (
              <Table.Tr key={o.letter}>
                <Table.Td w={48} fw={600} ta="center">
                  {o.letter}
                </Table.Td>
                <Table.Td>{lt(o.criterion, lang)}</Table.Td>
                <Table.Td w={72} ta="right" c="dimmed">
                  {num(item.letterValues[o.letter] ?? 0, lang)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {answer.type === 'yesno' && (
        <Text size="xs" c="dimmed">
          {t('lke.yesNoHelp')}
        </Text>
      )}
      {answer.type === 'ratio' && (
        <Stack gap={2}>
          <List size="sm">
            {answer.counts.map((c) => (
              <List.Item key={c.name}>
                <Text span ff="monospace" size="xs">
                  {c.row}
                </Text>{' '}
                {lt(c.label, lang)}
                {!c.required && ` (${t('lke.optional')})`}
                {!c.scored && ` — ${t('lke.notScored')}`}
              </List.Item>
            ))}
          </List>
          <Text size="xs" c="dimmed">
            {t('lke.formula')}: {lt(answer.formulaText, lang)}
          </Text>
        </Stack>
      )}
      {answer.type === 'index' && (
        <Text size="xs" c="dimmed">
          {t('lke.indexHelp', { min: answer.min, max: answer.max })}
        </Text>
      )}
      {answer.type === 'percent' && (
        <Text size="xs" c="dimmed">
          {t('lke.percentHelp')}
        </Text>
      )}
      {item.item.evidence && item.item.evidence.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('lke.evidence')}: {item.item.evidence.map((e) => lt(e, lang)).join('; ')}
        </Text>
      )}
      {item.item.note && (
        <Text size="xs" c="orange.8">
          {t('lke.note')}: {lt(item.item.note, lang)}
        </Text>
      )}
    </Stack>
  );
}
