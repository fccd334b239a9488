/** Loading, empty and error states shared by every list. */
import { EmptyState, Skeleton, Stack, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert.tsx';

/** Skeleton rows inside a table body while a page loads. */
export function SkeletonRows({ rows = 5, cols }: { rows?: number; cols: number }) {
  const { t } = useTranslation();
  return (
    <>
      {Array.from({ length: rows }, (_, r) => (
        <Table.Tr key={r} aria-busy="true" aria-label={r === 0 ? t('common.loading') : undefined}>
          {Array.from({ length: cols }, (_, c) => (
            <Table.Td key={c}>
              <Skeleton height={14} radius="sm" />
            </Table.Td>
          ))}
        </Table.Tr>
      ))}
    </>
  );
}

/** Skeleton block for non-table content. */
export function SkeletonBlock({ lines = 4 }: { lines?: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" aria-busy="true" aria-label={t('common.loading')}>
      {Array.from({ length: lines }, (_, i) => (
        <Skeleton key={i} height={16} width={`${90 - ((i * 13) % 40)}%`} />
      ))}
    </Stack>
  );
}

export function EmptyBlock({ title, description, action }: { title?: string; description?: string; action?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <EmptyState title={title ?? t('common.empty')} description={description} size="sm" py="lg" data-testid="empty-state">
      {action}
    </EmptyState>
  );
}

/** A table row spanning all columns, for the empty and error states inside a table. */
export function FullRow({ cols, children }: { cols: number; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td colSpan={cols}>{children}</Table.Td>
    </Table.Tr>
  );
}

export function ErrorBlock({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return <ErrorAlert error={error} onRetry={onRetry} withFields />;
}

/**
 * The loading, error and empty rows of a table body driven by one query: skeleton rows while
 * pending, the error with a retry, or the empty message when the page has no rows.
 */
export function TableStates(props: {
  query: { isPending: boolean; isError: boolean; isSuccess: boolean; error: unknown; refetch: () => unknown };
  cols: number;
  isEmpty: boolean;
  emptyTitle: string;
  emptyDescription?: string;
  skeletonRows?: number;
  /** False suppresses the skeleton (e.g. while the query is disabled by invalid filters). */
  showLoading?: boolean;
}) {
  const { query, cols } = props;
  return (
    <>
      {query.isPending && props.showLoading !== false && <SkeletonRows cols={cols} rows={props.skeletonRows} />}
      {query.isError && (
        <FullRow cols={cols}>
          <ErrorBlock error={query.error} onRetry={() => void query.refetch()} />
        </FullRow>
      )}
      {query.isSuccess && props.isEmpty && (
        <FullRow cols={cols}>
          <EmptyBlock title={props.emptyTitle} description={props.emptyDescription} />
        </FullRow>
      )}
    </>
  );
}
