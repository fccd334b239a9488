export * from './org.ts';
export * from './people.ts';
export * from './audit.ts';
export * from './lke.ts';
