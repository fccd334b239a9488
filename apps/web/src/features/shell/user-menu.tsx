import { Avatar, Button, Menu, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../auth/api.ts';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');
}

/** The person's name; opens account links and logout. */
export function UserMenu({ name, username }: { name: string; username: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          size="compact-md"
          leftSection={<Avatar size={24} radius="xl" color="blue">{initials(name)}</Avatar>}
          aria-label={t('header.userMenu', { name })}
          data-testid="user-menu"
        >
          <Text size="sm" visibleFrom="sm" truncate maw={180}>
            {name}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{username}</Menu.Label>
        <Menu.Item onClick={() => void navigate({ to: '/akun/kata-sandi' })} data-testid="menu-password">
          {t('header.changePassword')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          color="red"
          data-testid="logout"
          onClick={() => void logout()}
        >
          {t('header.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
