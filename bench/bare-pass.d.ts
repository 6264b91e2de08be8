/** bench/bare-pass.js: the rows a bare read + decode + split + regex pass matches. */
export function barePass(path: string): number;
