/**
 * The unit tree as nested lists with disclosure buttons (aria-expanded): keyboard users tab
 * through toggles and action menus; screen readers hear the nesting.
 */
import { ActionIcon, Badge, Box, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { can } from '../../lib/abilities.ts';
import type { UnitNode } from './tree.ts';

export type UnitAction = 'add-child' | 'edit' | 'move' | 'deactivate';

interface TreeProps {
  nodes: UnitNode[];
  expanded: Set<string>;
  onToggle: (id: string) => void;
  onAction: (action: UnitAction, node: UnitNode) => void;
  permissions: string[];
}

function NodeRow({ node, expanded, onToggle, onAction, permissions }: Omit<TreeProps, 'nodes'> & { node: UnitNode }) {
  const { t } = useTranslation();
  const { unit } = node;
  const id = String(unit.id);
  const open = expanded.has(id);
  const hasChildren = node.children.length > 0;
  const actions: { action: UnitAction; label: string; allowed: boolean; color?: string }[] = [
    { action: 'add-child', label: t('units.addChild'), allowed: unit.active && can(unit, 'unit:create', permissions) },
    { action: 'edit', label: t('common.edit'), allowed: can(unit, 'unit:update', permissions) },
    { action: 'move', label: t('units.move'), allowed: unit.active && can(unit, 'unit:move', permissions) },
    {
      action: 'deactivate',
      label: t('units.deactivate'),
      allowed: unit.active && can(unit, 'unit:deactivate', permissions),
      color: 'red',
    },
  ];
  const allowed = actions.filter((a) => a.allowed);

  return (
    <li data-testid="unit-node" data-unit-code={unit.code}>
      <Group gap="xs" py={4} wrap="nowrap" opacity={unit.active ? 1 : 0.6}>
        {hasChildren ? (
          <UnstyledButton
            onClick={() => onToggle(id)}
            aria-expanded={open}
            aria-label={t(open ? 'units.collapse' : 'units.expand', { name: unit.name })}
            w={24}
            ta="center"
          >
            {open ? '▾' : '▸'}
          </UnstyledButton>
        ) : (
          <Box w={24} aria-hidden="true" ta="center" c="dimmed">
            •
          </Box>
        )}
        <Box style={{ flex: 1, minWidth: 0 }}>
          <Group gap={6} wrap="wrap">
            <Text fw={600} size="sm">
              {unit.name}
            </Text>
            <Text size="xs" c="dimmed" ff="monospace">
              {unit.code}
            </Text>
            <Badge size="xs" variant="light" color="gray">
              {unit.eselon ? t('units.eselonN', { level: unit.eselon }) : t('units.nonEselon')}
            </Badge>
            <Badge size="xs" variant="light" color={unit.servesPublic ? 'teal' : 'gray'}>
              {unit.servesPublic ? t('units.publicYes') : t('units.publicNo')}
            </Badge>
            <Badge size="xs" variant="light" color={unit.active ? 'green' : 'red'}>
              {unit.active ? t('common.active') : t('common.inactive')}
            </Badge>
          </Group>
        </Box>
        {allowed.length > 0 && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={t('units.actionsFor', { name: unit.name })} data-testid="unit-actions">
                ⋯
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              {allowed.map((a) => (
                <Menu.Item key={a.action} color={a.color} onClick={() => onAction(a.action, node)} data-testid={`unit-${a.action}`}>
                  {a.label}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
      {hasChildren && open && (
        <ul className="zona-tree-children" style={{ listStyle: 'none', margin: 0 }}>
          {node.children.map((child) => (
            <NodeRow
              key={String(child.unit.id)}
              node={child}
              expanded={expanded}
              onToggle={onToggle}
              onAction={onAction}
              permissions={permissions}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

export function UnitTree({ nodes, ...rest }: TreeProps) {
  const { t } = useTranslation();
  return (
    <ul aria-label={t('units.treeLabel')} style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="unit-tree">
      {nodes.map((node) => (
        <NodeRow key={String(node.unit.id)} node={node} {...rest} />
      ))}
    </ul>
  );
}
