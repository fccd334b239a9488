import { Alert, Button, Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api/errors.ts';
import { useErrorText } from './use-error-text.ts';

interface Props {
  error: unknown;
  onRetry?: () => void;
  /** Field problems that no input shows (listed under the message). */
  extra?: { path: string; message: string }[];
  /** List every field problem of the error (where no form shows them on inputs). */
  withFields?: boolean;
}

/** A red, announced alert for a failed request, with the request id for support. */
export function ErrorAlert({ error, onRetry, extra, withFields }: Props) {
  const { t } = useTranslation();
  const text = useErrorText()(error);
  const listed = extra ?? (withFields && isApiError(error) ? error.fields : undefined);
  return (
    <Alert color="red" title={text.title} role="alert" data-testid="error-alert">
      {text.detail && <Text size="sm">{text.detail}</Text>}
      {listed && listed.length > 0 && (
        <List size="sm" mt="xs">
          {listed.map((f) => (
            <List.Item key={`${f.path}:${f.message}`}>
              {f.path}: {f.message}
            </List.Item>
          ))}
        </List>
      )}
      {text.requestId && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('errors.requestId', { id: text.requestId })}
        </Text>
      )}
      {onRetry && (
        <Group mt="sm">
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        </Group>
      )}
    </Alert>
  );
}
