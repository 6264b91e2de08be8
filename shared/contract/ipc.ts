/**
 * The IPC contract, in one import: the channels and events as data (channels.ts), the types and
 * names derived from them (ipc-api.ts), the error shape and codes (ipc-errors.ts) and the data
 * shapes (ipc-schemas.ts).
 */
export * from './channels.ts';
export * from './ipc-api.ts';
export * from './ipc-errors.ts';
export * from './ipc-schemas.ts';
export * from './handoff-schemas.ts';
