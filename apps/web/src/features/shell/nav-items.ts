/**
 * Main navigation. A link shows only when the person holds its permission somewhere
 * (`permissions` from /api/auth/me); the server still checks every request.
 */
export interface NavItem {
  to: '/' | '/organisasi' | '/pengguna' | '/audit' | '/lke';
  labelKey: 'nav.home' | 'nav.organisasi' | 'nav.pengguna' | 'nav.audit' | 'nav.lke';
  descriptionKey: 'home.links.home' | 'home.links.organisasi' | 'home.links.pengguna' | 'home.links.audit' | 'home.links.lke';
  /** Any of these permissions shows the link; none means everyone signed in. */
  anyOf: string[];
  testId?: string;
}

export const NAV_ITEMS: NavItem[] = [
  { to: '/', labelKey: 'nav.home', descriptionKey: 'home.links.home', anyOf: [] },
  {
    to: '/organisasi',
    labelKey: 'nav.organisasi',
    descriptionKey: 'home.links.organisasi',
    anyOf: ['instansi:read', 'unit:read'],
    testId: 'nav-organisasi',
  },
  {
    to: '/pengguna',
    labelKey: 'nav.pengguna',
    descriptionKey: 'home.links.pengguna',
    anyOf: ['user:read'],
    testId: 'nav-pengguna',
  },
  { to: '/audit', labelKey: 'nav.audit', descriptionKey: 'home.links.audit', anyOf: ['audit:read'], testId: 'nav-audit' },
  { to: '/lke', labelKey: 'nav.lke', descriptionKey: 'home.links.lke', anyOf: ['lke:read'], testId: 'nav-lke' },
];

export function visibleNavItems(permissions: readonly string[]): NavItem[] {
  return NAV_ITEMS.filter((item) => item.anyOf.length === 0 || item.anyOf.some((p) => permissions.includes(p)));
}
