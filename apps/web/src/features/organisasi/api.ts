/** Queries and writes for instansi, their yearly facts and their unit trees. */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api/client.ts';
import type { AgencyFacts, Eselon, Id, Instansi, InstansiKind, Page, Unit } from '../../lib/api/types.ts';

export interface InstansiListParams {
  q?: string;
  page: number;
  pageSize?: number;
}

export const instansiListQuery = (params: InstansiListParams) =>
  queryOptions({
    queryKey: ['instansi', 'list', params],
    queryFn: ({ signal }) => api.get<Page<Instansi>>('/api/instansi', { ...params }, signal),
    placeholderData: keepPreviousData,
  });

export const instansiQuery = (id: string) =>
  queryOptions({
    queryKey: ['instansi', 'one', id],
    queryFn: ({ signal }) => api.get<Instansi>(`/api/instansi/${encodeURIComponent(id)}`, undefined, signal),
  });

export const factsQuery = (id: string) =>
  queryOptions({
    queryKey: ['instansi', 'facts', id],
    queryFn: ({ signal }) =>
      api.get<{ items: AgencyFacts[] }>(`/api/instansi/${encodeURIComponent(id)}/facts`, undefined, signal),
  });

export const unitTreeQuery = (instansiId: string) =>
  queryOptions({
    queryKey: ['units', 'tree', instansiId],
    queryFn: ({ signal }) =>
      api.get<{ items: Unit[] }>(`/api/instansi/${encodeURIComponent(instansiId)}/unit-tree`, undefined, signal),
  });

export interface InstansiInput {
  name: string;
  kind: InstansiKind;
  code: string;
}

export const createInstansi = (input: InstansiInput) => api.post<Instansi>('/api/instansi', input);
export const updateInstansi = (id: Id, input: Partial<InstansiInput>) =>
  api.patch<Instansi>(`/api/instansi/${encodeURIComponent(String(id))}`, input);

export type FactsInput = Omit<AgencyFacts, 'year'>;
export const putFacts = (id: Id, year: number, input: FactsInput) =>
  api.put<AgencyFacts>(`/api/instansi/${encodeURIComponent(String(id))}/facts/${year}`, input);

export interface UnitInput {
  name: string;
  code: string;
  eselon: Eselon | null;
  servesPublic: boolean;
  address: string | null;
}

export const createUnit = (input: UnitInput & { instansiId: Id; parentId: Id | null }) =>
  api.post<Unit>('/api/units', input);
export const updateUnit = (id: Id, input: Partial<UnitInput>) =>
  api.patch<Unit>(`/api/units/${encodeURIComponent(String(id))}`, input);
export const moveUnit = (id: Id, parentId: Id | null) =>
  api.post<Unit>(`/api/units/${encodeURIComponent(String(id))}/move`, { parentId });
export const deactivateUnit = (id: Id) => api.post<Unit>(`/api/units/${encodeURIComponent(String(id))}/deactivate`);
