/**
 * The demo organisation: a ministry (directorate general, regional office, three service
 * offices including a KPKNL — state-asset and auction service office), a regency government
 * (RSUD, Dukcapil, DPMPTSP), an inspectorate as TPI, and the national team (TPN).
 * Realistic shapes, invented people. Every person has a structurally valid NIP.
 */
import type { LkeArea, Role } from '@zona/shared';

export interface DemoUnit {
  key: string;
  parent: string | null;
  name: string;
  code: string;
  eselon: string | null;
  servesPublic: boolean;
  address: string;
}

export interface DemoInstansi {
  key: string;
  kind: string;
  name: string;
  code: string;
  facts: { year: number; bpkOpinion: string; sakipPredicate: string; indeksRb: string; spipLevel: number }[];
  units: DemoUnit[];
}

export const DEMO_INSTANSI: DemoInstansi[] = [
  {
    key: 'kemenkeu',
    kind: 'kementerian',
    name: 'Kementerian Keuangan',
    code: 'KEMENKEU',
    facts: [
      { year: 2025, bpkOpinion: 'WTP', sakipPredicate: 'A', indeksRb: 'A', spipLevel: 4 },
      { year: 2026, bpkOpinion: 'WTP', sakipPredicate: 'A', indeksRb: 'A', spipLevel: 4 },
    ],
    units: [
      { key: 'setjen', parent: null, name: 'Sekretariat Jenderal', code: 'KEU-SETJEN', eselon: 'I', servesPublic: false, address: 'Jl. Dr. Wahidin Raya No. 1, Jakarta Pusat' },
      { key: 'itjen', parent: null, name: 'Inspektorat Jenderal', code: 'KEU-ITJEN', eselon: 'I', servesPublic: false, address: 'Jl. Dr. Wahidin Raya No. 1, Jakarta Pusat' },
      { key: 'djkn', parent: null, name: 'Direktorat Jenderal Kekayaan Negara', code: 'KEU-DJKN', eselon: 'I', servesPublic: true, address: 'Jl. Lapangan Banteng Timur No. 2-4, Jakarta Pusat' },
      { key: 'kanwil', parent: 'djkn', name: 'Kantor Wilayah DJKN Jawa Barat', code: 'KEU-DJKN-KW-JABAR', eselon: 'II', servesPublic: true, address: 'Jl. Asia Afrika No. 114, Bandung' },
      { key: 'kpknl', parent: 'kanwil', name: 'Kantor Pelayanan Kekayaan Negara dan Lelang (KPKNL) Bandung', code: 'KEU-KPKNL-BDG', eselon: 'III', servesPublic: true, address: 'Jl. Asia Afrika No. 114, Bandung' },
      { key: 'kpknl2', parent: 'kanwil', name: 'KPKNL Bogor', code: 'KEU-KPKNL-BGR', eselon: 'III', servesPublic: true, address: 'Jl. Ir. H. Juanda No. 64, Bogor' },
      { key: 'kpknl3', parent: 'kanwil', name: 'KPKNL Bekasi', code: 'KEU-KPKNL-BKS', eselon: 'III', servesPublic: true, address: 'Jl. Ir. H. Juanda No. 181, Bekasi' },
    ],
  },
  {
    key: 'sukamaju',
    kind: 'kabupaten',
    name: 'Pemerintah Kabupaten Sukamaju',
    code: 'KAB-SUKAMAJU',
    facts: [
      { year: 2025, bpkOpinion: 'WTP', sakipPredicate: 'BB', indeksRb: 'B', spipLevel: 3 },
      { year: 2026, bpkOpinion: 'WTP', sakipPredicate: 'BB', indeksRb: 'BB', spipLevel: 3 },
    ],
    units: [
      { key: 'setda', parent: null, name: 'Sekretariat Daerah', code: 'SKM-SETDA', eselon: 'II', servesPublic: false, address: 'Jl. Merdeka No. 1, Sukamaju' },
      { key: 'inspektorat', parent: null, name: 'Inspektorat Daerah', code: 'SKM-INSP', eselon: 'II', servesPublic: false, address: 'Jl. Merdeka No. 3, Sukamaju' },
      { key: 'rsud', parent: null, name: 'Rumah Sakit Umum Daerah (RSUD) Sukamaju', code: 'SKM-RSUD', eselon: 'II', servesPublic: true, address: 'Jl. Kesehatan No. 10, Sukamaju' },
      { key: 'dukcapil', parent: null, name: 'Dinas Kependudukan dan Pencatatan Sipil', code: 'SKM-DUKCAPIL', eselon: 'II', servesPublic: true, address: 'Jl. Pahlawan No. 7, Sukamaju' },
      { key: 'ptsp', parent: null, name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu (DPMPTSP)', code: 'SKM-DPMPTSP', eselon: 'II', servesPublic: true, address: 'Jl. Pahlawan No. 9, Sukamaju' },
    ],
  },
  {
    key: 'panrb',
    kind: 'kementerian',
    name: 'Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi',
    code: 'KEMENPANRB',
    facts: [],
    units: [
      { key: 'deputi', parent: null, name: 'Deputi Bidang Reformasi Birokrasi, Akuntabilitas Aparatur, dan Pengawasan', code: 'PANRB-DEP-RB', eselon: 'I', servesPublic: false, address: 'Jl. Jend. Sudirman Kav. 69, Jakarta Selatan' },
    ],
  },
];

export interface DemoAccount {
  username: string;
  name: string;
  unit: string | null;
  position: string;
  roles: { role: Role; scope: 'national' | { instansi: string } | { unit: string; descendants?: boolean }; area?: LkeArea }[];
}

/** One account per role; the fixed usernames of contracts/app-and-cli.md come first. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', name: 'Administrator Sistem', unit: null, position: 'Administrator Sistem', roles: [{ role: 'system_admin', scope: 'national' }] },
  { username: 'admin.kemenkeu', name: 'Rina Kusumawati', unit: 'setjen', position: 'Pranata Komputer Ahli Muda', roles: [{ role: 'agency_admin', scope: { instansi: 'kemenkeu' } }] },
  { username: 'pimpinan.kpknl', name: 'Bambang Sutrisno', unit: 'kpknl', position: 'Kepala KPKNL Bandung', roles: [{ role: 'unit_head', scope: { unit: 'kpknl' } }] },
  { username: 'tim.kpknl', name: 'Dewi Lestari', unit: 'kpknl', position: 'Kepala Seksi Pelayanan Lelang', roles: [{ role: 'work_team', scope: { unit: 'kpknl' }, area: '1' }] },
  { username: 'pegawai.kpknl', name: 'Agus Setiawan', unit: 'kpknl', position: 'Pelaksana Seksi Piutang Negara', roles: [{ role: 'employee', scope: { unit: 'kpknl' } }] },
  { username: 'pimpinan.rsud', name: 'dr. Siti Rahmawati, Sp.PD', unit: 'rsud', position: 'Direktur RSUD Sukamaju', roles: [{ role: 'unit_head', scope: { unit: 'rsud' } }] },
  { username: 'tpi.kemenkeu', name: 'Hendra Gunawan', unit: 'itjen', position: 'Auditor Ahli Madya', roles: [{ role: 'tpi_member', scope: { instansi: 'kemenkeu' } }] },
  { username: 'upg.kemenkeu', name: 'Yuliana Pratiwi', unit: 'itjen', position: 'Auditor Ahli Muda', roles: [{ role: 'upg_officer', scope: { instansi: 'kemenkeu' } }] },
  { username: 'tpn', name: 'Andi Wijaya', unit: 'deputi', position: 'Analis Kebijakan Ahli Madya', roles: [{ role: 'tpn_member', scope: 'national' }] },
  { username: 'pimpinan.kemenkeu', name: 'Sri Handayani', unit: 'setjen', position: 'Sekretaris Jenderal', roles: [{ role: 'agency_head', scope: { instansi: 'kemenkeu' } }] },
  { username: 'agen.kpknl', name: 'Rizky Ramadhan', unit: 'kpknl', position: 'Pelaksana Seksi Kepatuhan Internal', roles: [{ role: 'change_agent', scope: { unit: 'kpknl' } }] },
  { username: 'penilai.kanwil', name: 'Teguh Prasetyo', unit: 'kanwil', position: 'Kepala Bidang Kepatuhan Internal', roles: [{ role: 'prelim_assessor', scope: { unit: 'kanwil', descendants: true } }] },
  { username: 'ketua.tpi.kemenkeu', name: 'Wahyu Hidayat', unit: 'itjen', position: 'Inspektur', roles: [{ role: 'tpi_lead', scope: { instansi: 'kemenkeu' } }] },
  { username: 'dalnis.tpi.kemenkeu', name: 'Lina Marlina', unit: 'itjen', position: 'Auditor Ahli Utama', roles: [{ role: 'tpi_controller', scope: { instansi: 'kemenkeu' } }] },
  { username: 'ketua.tpn', name: 'Eko Saputra', unit: 'deputi', position: 'Asisten Deputi', roles: [{ role: 'tpn_lead', scope: 'national' }] },
  { username: 'admin.tpn', name: 'Fitri Anggraini', unit: 'deputi', position: 'Pranata Komputer Ahli Madya', roles: [{ role: 'tpn_admin', scope: 'national' }] },
  { username: 'admin.sukamaju', name: 'Joko Susilo', unit: 'setda', position: 'Kepala Bagian Organisasi', roles: [{ role: 'agency_admin', scope: { instansi: 'sukamaju' } }] },
  { username: 'tpi.sukamaju', name: 'Nur Aini', unit: 'inspektorat', position: 'Auditor Ahli Muda', roles: [{ role: 'tpi_member', scope: { instansi: 'sukamaju' } }] },
  { username: 'tim.rsud', name: 'Putri Maharani', unit: 'rsud', position: 'Kepala Bagian Tata Usaha', roles: [{ role: 'work_team', scope: { unit: 'rsud' }, area: '6' }] },
  { username: 'pimpinan.sukamaju', name: 'H. Ahmad Fauzi', unit: 'setda', position: 'Bupati Sukamaju', roles: [{ role: 'agency_head', scope: { instansi: 'sukamaju' } }] },
];

const FIRST = ['Adi', 'Budi', 'Citra', 'Dian', 'Eka', 'Fajar', 'Gita', 'Hadi', 'Indah', 'Joko', 'Kartika', 'Lukman', 'Maya', 'Nanda', 'Oki', 'Purnama', 'Ratna', 'Sari', 'Taufik', 'Umi', 'Vina', 'Wawan', 'Yoga', 'Zahra'];
const LAST = ['Pratama', 'Santoso', 'Wibowo', 'Kurniawan', 'Hidayati', 'Permana', 'Nugroho', 'Rahayu', 'Siregar', 'Nasution', 'Simanjuntak', 'Lubis'];

/** Further employees spread over the service units (plain `employee` role). */
export function demoEmployees(count: number): DemoAccount[] {
  const units = ['kpknl', 'kpknl2', 'kpknl3', 'kanwil', 'rsud', 'dukcapil', 'ptsp'];
  const out: DemoAccount[] = [];
  for (let i = 0; i < count; i++) {
    const unit = units[i % units.length];
    const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 5) % LAST.length]}`;
    out.push({ username: `pegawai${String(i + 1).padStart(2, '0')}.${unit}`, name, unit, position: 'Pelaksana', roles: [{ role: 'employee', scope: { unit } }] });
  }
  return out;
}

/** A structurally valid, deterministic NIP for the i-th demo person. */
export function demoNip(i: number): string {
  const birth = new Date(Date.UTC(1972, 0, 1) + i * 173 * 86_400_000);
  const y = birth.getUTCFullYear();
  const ymd = `${y}${String(birth.getUTCMonth() + 1).padStart(2, '0')}${String(birth.getUTCDate()).padStart(2, '0')}`;
  const appointed = `${y + 24}${String((i % 12) + 1).padStart(2, '0')}`;
  return `${ymd}${appointed}${i % 2 === 0 ? 1 : 2}${String((i % 999) + 1).padStart(3, '0')}`;
}
