import { describe, expect, it } from 'vitest';
import { compileScannerWasm } from '../../../../scripts/build-wasm.ts';
import { SCANNER_WASM_BASE64 } from '../../../../shared/log/scanner-wasm.ts';

describe("the log scanner's WebAssembly module", () => {
  it('is what wasm/log-scanner.ts compiles to (run `npm run build:wasm` after editing it)', async () => {
    const built = Buffer.from(await compileScannerWasm()).toString('base64');
    expect(built === SCANNER_WASM_BASE64, 'shared/log/scanner-wasm.ts is stale').toBe(true);
  });
});
