import { describe, expect, it } from 'vitest';
import type { ApplyStatusView } from '../../../../shared/contract/ipc.ts';
import type { Restriction, ServiceResult } from '../../../../shared/contract/service.ts';
import { fingerprintOf } from '../../../../electron/core/base-identity.ts';
import { applyStep } from '../../../../electron/core/apply-phase.ts';
import { formatMessage } from '../../../../shared/i18n/messages.ts';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const PUSHED_AT = '2026-12-01T09:50:00.000Z';
const LIST = {
  mode: 'ALLOW_SPECIFIC' as const,
  entries: [{ ip: '192.0.2.1', cidr: null, memo: '' }],
};

const following = (phase: ApplyStatusView['phase'], extra: Partial<ApplyStatusView> = {}) =>
  ({
    profileId: 'p1',
    phase,
    revision: '7',
    serviceState: 'APPLYING',
    pushedAt: PUSHED_AT,
    appliedAt: null,
    clientIp: null,
    resetDeadline: null,
    restoreHistoryId: 'h1',
    message: '',
    ...extra,
  }) satisfies ApplyStatusView;

const seen = (revision: string, state: 'APPLYING' | 'APPLIED', applied = revision, list = LIST) =>
  ({
    ok: true,
    value: {
      ...list,
      revision,
      apply: {
        state,
        revision: applied,
        ...(state === 'APPLIED' ? { appliedAt: NOW.toISOString() } : {}),
      },
      limits: { maxEntries: 1000 },
    },
  }) satisfies ServiceResult<Restriction>;

const failed = (error: Extract<ServiceResult<Restriction>, { ok: false }>['error']) =>
  ({ ok: false, error }) satisfies ServiceResult<Restriction>;

const OTHER_LIST = { ...LIST, entries: [{ ip: '198.51.100.1', cidr: null, memo: '' }] };

/** [what happens, status before, what the GET saw, phase after, following stops] */
const table: [
  string,
  ApplyStatusView,
  ServiceResult<Restriction>,
  ApplyStatusView['phase'],
  boolean,
][] = [
  ['still applying', following('applying'), seen('7', 'APPLYING', '6'), 'applying', false],
  [
    'applied, this GET let through: verified',
    following('applying'),
    seen('7', 'APPLIED'),
    'verified',
    true,
  ],
  [
    'a later revision applied counts as mine',
    following('applying'),
    seen('8', 'APPLIED', '8'),
    'verified',
    true,
  ],
  [
    'an older revision applied: still applying',
    following('applying'),
    seen('7', 'APPLIED', '6'),
    'applying',
    false,
  ],
  [
    'the service shows another list at my revision',
    following('applying'),
    seen('7', 'APPLIED', '7', OTHER_LIST),
    'error',
    true,
  ],
  [
    'refused by the IP restriction: locked out',
    following('applying'),
    failed({ kind: 'IP_RESTRICTED', message: 'no', clientIp: '203.0.113.9' }),
    'locked-out',
    true,
  ],
  [
    'offline while applying',
    following('applying'),
    failed({ kind: 'OFFLINE', message: 'x' }),
    'offline',
    false,
  ],
  [
    'offline after verified stays verified',
    following('verified'),
    failed({ kind: 'TIMEOUT', message: 'x' }),
    'verified',
    false,
  ],
  [
    'another failure ends following as an error',
    following('applying'),
    failed({ kind: 'SERVER_ERROR', message: 'HTTP 500', status: 500 }),
    'error',
    true,
  ],
  ['access back after a lockout', following('locked-out'), seen('7', 'APPLIED'), 'verified', true],
];

describe('apply phase transition (applyStep)', () => {
  it.each(table)('%s', (_what, status, result, phase, done) => {
    const step = applyStep(status, result, { expected: fingerprintOf(LIST), now: NOW });
    expect(step.patch.phase).toBe(phase);
    expect(step.done).toBe(done);
  });

  it("an error says what failed as a coded problem, shown in the window's language", () => {
    const text = (step: ReturnType<typeof applyStep>, locale: 'en' | 'ja') => {
      const problem = step.patch.problem;
      return problem ? formatMessage(problem.text ?? problem.code, problem.params, locale) : null;
    };
    const replaced = applyStep(following('applying'), seen('8', 'APPLIED', '8', OTHER_LIST), {
      expected: fingerprintOf(LIST),
      now: NOW,
    });
    expect(replaced.patch.phase).toBe('error');
    expect(text(replaced, 'en')).toBe(replaced.patch.message);
    expect(text(replaced, 'ja')).toContain('リビジョン 8');
    expect(text(replaced, 'ja')).toContain('リビジョン 7');
    const failedOnce = applyStep(
      following('applying'),
      failed({ kind: 'SERVER_ERROR', message: 'HTTP 500', status: 500 }),
      { expected: null, now: NOW },
    );
    expect(text(failedOnce, 'ja')).toMatch(/500/);
  });

  it('a lockout counts the Reset URL hour from the save when the service gave no applied time', () => {
    const step = applyStep(
      following('applying'),
      failed({ kind: 'IP_RESTRICTED', message: 'no', clientIp: '203.0.113.9' }),
      { expected: null, now: NOW },
    );
    expect(step.patch).toMatchObject({
      clientIp: '203.0.113.9',
      resetDeadline: '2026-12-01T10:50:00.000Z',
    });
  });

  it('after a restart (no expected list) another list at my revision is not an error', () => {
    const step = applyStep(following('applying'), seen('7', 'APPLIED', '7', OTHER_LIST), {
      expected: null,
      now: NOW,
    });
    expect(step).toMatchObject({ patch: { phase: 'verified' }, done: true });
  });
});
