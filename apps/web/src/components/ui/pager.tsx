import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}

/** Page numbers plus "1–25 dari 130". Hidden while there is nothing to page. */
export function Pager({ page, pageSize, total, onChange }: Props) {
  const { t } = useTranslation();
  if (total === 0) return null;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" mt="sm">
      <Text size="sm" c="dimmed">
        {t('common.range', { from, to, total })}
      </Text>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={page}
          onChange={onChange}
          size="sm"
          getControlProps={(control) => ({
            'aria-label': t(`common.pager.${control}`),
          })}
          getItemProps={(p) => ({ 'aria-label': t('common.pager.page', { page: p }) })}
        />
      )}
    </Group>
  );
}
