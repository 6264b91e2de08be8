/**
 * Small inline SVG icons (no icon font: works offline and under the strict CSP).
 */
export type IconName = 'copy' | 'delete' | 'error' | 'warning' | 'plus' | 'undo' | 'redo' | 'check';

const PATHS: Record<IconName, string> = {
  copy: 'M5 1.5h7.5A1.5 1.5 0 0 1 14 3v8M3.5 4h7A1.5 1.5 0 0 1 12 5.5v7a1.5 1.5 0 0 1-1.5 1.5h-7A1.5 1.5 0 0 1 2 12.5v-7A1.5 1.5 0 0 1 3.5 4z',
  delete: 'M2.5 4h11M6 4V2.5h4V4M4 4l.7 9.5h6.6L12 4M6.8 6.5v5M9.2 6.5v5',
  error: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM8 4.5v4.2M8 10.8v.4',
  warning: 'M8 1.8 14.6 13.5H1.4zM8 6v3.8M8 11.4v.4',
  plus: 'M8 3v10M3 8h10',
  undo: 'M5.5 3 2.5 6l3 3M2.5 6h7a4 4 0 0 1 0 8H7',
  redo: 'M10.5 3l3 3-3 3M13.5 6h-7a4 4 0 0 0 0 8H9',
  check: 'M3 8.5 6.5 12 13 4.5',
};

/** A 16px stroke icon, decorative (hidden from assistive tech: the control carries the label). */
export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg
      className={`icon${className ? ` ${className}` : ''}`}
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={PATHS[name]}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
