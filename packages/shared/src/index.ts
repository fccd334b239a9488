export * from './roles.ts';
export * from './nip.ts';
export * from './errors.ts';
export * from './api.ts';
