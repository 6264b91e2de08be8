// Types of bundle.js (plain JavaScript, so that the bin that imports it runs on any Node).
export const BUNDLE_DIR: string;
export const BUNDLE_INPUTS: string;
export function stamp(path: string): number[] | undefined;
export function freshBundle(root: string): URL | undefined;
