/** "Verifikasi rantai": asks the server to re-check the audit hash chain and shows the verdict. */
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { verifyAudit } from './api.ts';

export function VerifyChain() {
  const { t } = useTranslation();
  const verify = useMutation({ mutationFn: verifyAudit });
  const result = verify.data;
  return (
    <Stack gap="xs">
      <Group>
        <Button variant="light" onClick={() => verify.mutate()} loading={verify.isPending} data-testid="audit-verify">
          {t('audit.verify')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('audit.verifyHelp')}
        </Text>
      </Group>
      {verify.error && <ErrorAlert error={verify.error} withFields />}
      {result && (
        <Alert
          color={result.ok ? 'green' : 'red'}
          title={result.ok ? t('audit.verifyOk') : t('audit.verifyBroken')}
          role="status"
          data-testid="audit-verify-result"
          data-ok={String(result.ok)}
        >
          {t('audit.verifyChecked', { count: result.checked })}
          {result.firstBrokenSeq != null && <> · {t('audit.verifyFirstBroken', { seq: result.firstBrokenSeq })}</>}
          {result.message && <div>{result.message}</div>}
        </Alert>
      )}
    </Stack>
  );
}
