/** Queries and writes for users, their role assignments and the role catalogue. */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Role } from '@zona/shared';
import { api } from '../../lib/api/client.ts';
import type { Id, Page, RoleAssignment, RoleInfo, UserProfile, UserRow } from '../../lib/api/types.ts';

export interface UserListParams {
  q?: string;
  unitId?: Id;
  instansiId?: Id;
  page: number;
  pageSize?: number;
}

const enc = (id: Id) => encodeURIComponent(String(id));

export const usersQuery = (params: UserListParams) =>
  queryOptions({
    queryKey: ['users', 'list', params],
    queryFn: ({ signal }) => api.get<Page<UserRow>>('/api/users', { ...params }, signal),
    placeholderData: keepPreviousData,
  });

export const userQuery = (id: string) =>
  queryOptions({
    queryKey: ['users', 'one', id],
    queryFn: ({ signal }) => api.get<UserRow>(`/api/users/${enc(id)}`, undefined, signal),
  });

export const rolesQuery = queryOptions({
  queryKey: ['roles'],
  queryFn: ({ signal }) => api.get<{ items: RoleInfo[] }>('/api/roles', undefined, signal),
  staleTime: 60 * 60_000,
});

export interface UserInput {
  name: string;
  nip: string | null;
  email: string | null;
  unitId: Id | null;
  position: string | null;
}

export const createUser = (input: UserInput & { username: string; password?: string }) =>
  api.post<{ user: UserProfile; temporaryPassword?: string }>('/api/users', input);

export const updateUser = (id: Id, input: Partial<UserInput> & { active?: boolean }) => api.patch<UserRow>(`/api/users/${enc(id)}`, input);

export const resetPassword = (id: Id) =>
  api.post<{ temporaryPassword: string }>(`/api/users/${enc(id)}/reset-password`);

export interface RoleAssignmentInput {
  role: Role;
  unitId: Id | null;
  instansiId: Id | null;
  includeDescendants: boolean;
  area: string | null;
}

export const addRole = (userId: Id, input: RoleAssignmentInput) =>
  api.post<RoleAssignment>(`/api/users/${enc(userId)}/roles`, input);

export const removeRole = (userId: Id, assignmentId: Id) =>
  api.delete(`/api/users/${enc(userId)}/roles/${enc(assignmentId)}`);
