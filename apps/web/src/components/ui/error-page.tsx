import { Button, Center, Code, Group, Stack, Text, Title } from '@mantine/core';
import { type ErrorComponentProps, useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api/errors.ts';
import { NotFoundPage } from './not-found-page.tsx';
import { useErrorText } from './use-error-text.ts';

/** Error boundary of the router: a screen crashed or its data could not load. */
export function ErrorPage({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  const router = useRouter();
  const text = useErrorText()(error);
  if (isApiError(error) && error.status === 404) return <NotFoundPage />;
  return (
    <Center mih="60vh" p="md" data-testid="error-page">
      <Stack align="center" gap="sm" maw={560}>
        <Title order={1} size="h2">
          {t('errorPage.title')}
        </Title>
        <Text ta="center">{text.title}</Text>
        {text.detail && (
          <Text c="dimmed" size="sm" ta="center">
            {text.detail}
          </Text>
        )}
        {text.requestId && (
          <Text size="xs" c="dimmed">
            {t('errors.requestIdLabel')}{' '}
            <Code>{text.requestId}</Code>
          </Text>
        )}
        <Group>
          <Button
            onClick={() => {
              reset();
              void router.invalidate();
            }}
          >
            {t('common.retry')}
          </Button>
          <Button variant="default" onClick={() => void router.navigate({ to: '/' })}>
            {t('notFound.home')}
          </Button>
        </Group>
      </Stack>
    </Center>
  );
}
