import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** 404 for unknown routes (and resources the server does not know). */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Center mih="60vh" p="md" data-testid="not-found">
      <Stack align="center" gap="sm">
        <Text fz={48} fw={700} c="dimmed" aria-hidden="true">
          404
        </Text>
        <Title order={1} size="h2">
          {t('notFound.title')}
        </Title>
        <Text c="dimmed" ta="center">
          {t('notFound.description')}
        </Text>
        <Button component={Link} to="/">
          {t('notFound.home')}
        </Button>
      </Stack>
    </Center>
  );
}
