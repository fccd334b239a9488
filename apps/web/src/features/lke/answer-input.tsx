/**
 * The input for one item in the sandbox: radio for letters, a Ya/Tidak switch, whole-number
 * inputs for counts, a 0–4 number for survey indices (0–100 for percentages).
 */
import { ActionIcon, Badge, Group, NumberInput, Radio, SimpleGrid, Stack, Switch, Text, Tooltip } from '@mantine/core';
import type { CompiledItem } from '@zona/scoring';
import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n/language.ts';
import type { DraftValue } from './answers.ts';
import { lt, num } from './text.ts';

interface Props {
  item: CompiledItem;
  value: DraftValue | undefined;
  /** Item value in [0, 1] from the engine (undefined when unanswered). */
  scored: number | undefined;
  incomplete: boolean;
  lang: Language;
  onChange: (code: string, value: DraftValue | undefined) => void;
}

function toNumber(v: string | number): number | null {
  if (v === '' || v === null) return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}

function AnswerInputImpl({ item, value, scored, incomplete, lang, onChange }: Props) {
  const { t } = useTranslation();
  const answer = item.item.answer;
  const label = `${item.code} — ${lt(item.item.text, lang)}`;
  const clear =
    value !== undefined ? (
      <Tooltip label={t('lke.clearAnswer')}>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          aria-label={t('lke.clearAnswerFor', { code: item.code })}
          onClick={() => onChange(item.code, undefined)}
        >
          ×
        </ActionIcon>
      </Tooltip>
    ) : null;

  let input: ReactNode = null;
  if (answer.type === 'yesno') {
    input = (
      <Switch
        checked={value === 'ya'}
        onChange={(e) => onChange(item.code, e.currentTarget.checked ? 'ya' : 'tidak')}
        label={value === undefined ? t('lke.unanswered') : value === 'ya' ? t('lke.yes') : t('lke.no')}
        aria-label={label}
        data-testid={`answer-${item.code}`}
      />
    );
  } else if (answer.type === 'options') {
    input = (
      <Radio.Group
        value={typeof value === 'string' ? value : null}
        onChange={(v) => onChange(item.code, v)}
        aria-label={label}
        data-testid={`answer-${item.code}`}
      >
        <Stack gap={4}>
          {answer.options.map((o) => (
            <Radio key={o.letter} value={o.letter} label={`${o.letter}. ${lt(o.criterion, lang)}`} size="xs" />
          ))}
        </Stack>
      </Radio.Group>
    );
  } else if (answer.type === 'ratio') {
    const counts = (typeof value === 'object' && value !== null ? value : {}) as Record<string, number | null>;
    input = (
      <Stack gap={4}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          {answer.counts.map((c) => (
            <NumberInput
              key={c.name}
              size="xs"
              label={lt(c.label, lang)}
              description={c.required ? undefined : t('lke.optional')}
              min={0}
              allowNegative={false}
              allowDecimal={false}
              value={counts[c.name] ?? ''}
              onChange={(v) => {
                const next = { ...counts, [c.name]: toNumber(v) };
                const empty = Object.values(next).every((x) => x === null || x === undefined);
                onChange(item.code, empty ? undefined : next);
              }}
              data-testid={`answer-${item.code}-${c.name}`}
            />
          ))}
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {lt(answer.formulaText, lang)}
        </Text>
      </Stack>
    );
  } else {
    const max = answer.type === 'index' ? answer.max : 100;
    const min = answer.type === 'index' ? answer.min : 0;
    input = (
      <NumberInput
        size="xs"
        maw={200}
        aria-label={label}
        min={min}
        max={max}
        clampBehavior="strict"
        decimalScale={2}
        step={answer.type === 'index' ? 0.01 : 1}
        value={typeof value === 'number' ? value : ''}
        onChange={(v) => {
          const n = toNumber(v);
          onChange(item.code, n === null ? undefined : n);
        }}
        description={answer.type === 'index' ? t('lke.indexHelp', { min, max }) : t('lke.percentHelp')}
        data-testid={`answer-${item.code}`}
      />
    );
  }

  return (
    <Stack gap={6} py="xs" data-testid="sandbox-item" data-code={item.code}>
      <Group gap="xs" wrap="nowrap" align="flex-start" justify="space-between">
        <Text size="sm" style={{ flex: 1 }}>
          <Text span ff="monospace" fw={600}>
            {item.code}
          </Text>{' '}
          {lt(item.item.text, lang)}
        </Text>
        <Group gap={4} wrap="nowrap">
          {incomplete && (
            <Badge color="yellow" size="xs" variant="light">
              {t('lke.incomplete')}
            </Badge>
          )}
          {scored !== undefined && (
            <Badge size="xs" variant="light" color={scored >= 1 ? 'green' : scored > 0 ? 'blue' : 'gray'}>
              {t('lke.value', { value: num(scored, lang) })}
            </Badge>
          )}
          {clear}
        </Group>
      </Group>
      {input}
    </Stack>
  );
}

export const AnswerInput = memo(AnswerInputImpl);
