import type { Config } from '../../../shared/allowlist/model.ts';
import {
  draftReducer,
  initialDraft,
  type DraftState,
  type Field,
} from '../../../renderer/features/editor/draft-state.ts';

/** The editor opened on `config`, then the admin typed `value` into `field` of the first row. */
export function typedInFirstRow(config: Config, field: Field, value: string): DraftState {
  const state = initialDraft(config);
  return draftReducer(state, { type: 'edit', id: state.rows[0]!.id, field, value });
}
