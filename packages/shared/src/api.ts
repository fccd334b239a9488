/**
 * Request schemas of the HTTP API, shared by the server (validation, OpenAPI) and the web app
 * (forms). Messages are Indonesian; field paths come from zod.
 */
import { z } from 'zod';
import { LKE_AREAS, ROLES } from './roles.ts';
import { NIP_MESSAGES, parseNip } from './nip.ts';

/**
 * Every free-text field: PostgreSQL cannot store U+0000 in text or jsonb, so it is refused here
 * as a field error instead of failing deep in the database.
 */
export const text = () => z.string().regex(/^[^\u0000]*$/, 'Teks memuat karakter yang tidak diizinkan');

export const INSTANSI_KINDS = ['kementerian', 'lembaga', 'provinsi', 'kabupaten', 'kota'] as const;
export const ESELON_LEVELS = ['I', 'II', 'III', 'IV', 'V'] as const;
export const BPK_OPINIONS = ['WTP', 'WDP', 'TW', 'TMP'] as const;
export const SAKIP_PREDICATES = ['AA', 'A', 'BB', 'B', 'CC', 'C', 'D'] as const;

const code = z
  .string()
  .trim()
  .min(1, 'Kode wajib diisi')
  .max(40, 'Kode paling banyak 40 karakter')
  .regex(/^[A-Za-z0-9._-]+$/, 'Kode hanya boleh huruf, angka, titik, garis bawah dan tanda hubung');
const name = text().trim().min(2, 'Nama minimal 2 karakter').max(200, 'Nama paling banyak 200 karakter');

export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  q: text().trim().max(100).optional(),
});

export const IdParamSchema = z.object({ id: z.uuid('ID tidak valid') });

export const LoginSchema = z.object({
  username: text().trim().min(1, 'Nama pengguna wajib diisi').max(100),
  password: text().min(1, 'Kata sandi wajib diisi').max(200),
});

export const ChangePasswordSchema = z.object({
  currentPassword: text().min(1, 'Kata sandi lama wajib diisi').max(200),
  newPassword: text().min(10, 'Kata sandi baru minimal 10 karakter').max(200),
});

export const CreateInstansiSchema = z.object({ name, kind: z.enum(INSTANSI_KINDS), code });
export const UpdateInstansiSchema = CreateInstansiSchema.partial().extend({ active: z.boolean().optional() });

export const FactsSchema = z.object({
  bpkOpinion: z.enum(BPK_OPINIONS).nullable().default(null),
  sakipPredicate: z.enum(SAKIP_PREDICATES).nullable().default(null),
  indeksRb: z.enum(SAKIP_PREDICATES).nullable().default(null),
  spipLevel: z.number().int().min(0).max(5).nullable().default(null),
});
export const FactYearParamSchema = z.object({ id: z.uuid(), year: z.coerce.number().int().min(2000).max(2100) });

export const CreateUnitSchema = z.object({
  instansiId: z.uuid('Instansi tidak valid'),
  parentId: z.uuid('Unit induk tidak valid').nullable().default(null),
  name,
  code,
  eselon: z.enum(ESELON_LEVELS).nullable().default(null),
  servesPublic: z.boolean().default(false),
  address: text().trim().max(500).nullable().default(null),
});
export const UpdateUnitSchema = z.object({
  name: name.optional(),
  code: code.optional(),
  eselon: z.enum(ESELON_LEVELS).nullable().optional(),
  servesPublic: z.boolean().optional(),
  address: text().trim().max(500).nullable().optional(),
});
export const MoveUnitSchema = z.object({ parentId: z.uuid('Unit induk tidak valid').nullable() });

/** An 18-digit NIP whose structure is checked (birth date, appointment, gender, sequence). */
export const NipSchema = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const r = parseNip(v);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: NIP_MESSAGES[r.problem].id });
  });

export const UsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'Nama pengguna minimal 3 karakter')
  .max(60, 'Nama pengguna paling banyak 60 karakter')
  .regex(/^[a-z0-9._-]+$/, 'Nama pengguna hanya boleh huruf kecil, angka, titik, garis bawah, tanda hubung');

export const CreateUserSchema = z.object({
  username: UsernameSchema,
  name,
  nip: NipSchema.nullable().default(null),
  email: z.email('Email tidak valid').nullable().default(null),
  unitId: z.uuid('Unit tidak valid'),
  position: text().trim().max(200).nullable().default(null),
  password: text().min(10, 'Kata sandi minimal 10 karakter').max(200).optional(),
});
export const UpdateUserSchema = z.object({
  name: name.optional(),
  nip: NipSchema.nullable().optional(),
  email: z.email('Email tidak valid').nullable().optional(),
  unitId: z.uuid('Unit tidak valid').optional(),
  position: text().trim().max(200).nullable().optional(),
  active: z.boolean().optional(),
});

export const AssignRoleSchema = z.object({
  role: z.enum(ROLES),
  unitId: z.uuid().nullable().default(null),
  instansiId: z.uuid().nullable().default(null),
  includeDescendants: z.boolean().default(false),
  area: z.enum(LKE_AREAS).nullable().default(null),
});

export const AuditQuerySchema = PageQuerySchema.extend({
  entityType: text().max(60).optional(),
  action: text().max(60).optional(),
  actorId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
});
