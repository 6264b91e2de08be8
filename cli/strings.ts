import { fillTemplate, type Locale, type MessageTemplate } from '../shared/i18n/messages.ts';
import { HANDOFF_CLI_TEXT } from './handoff-strings.ts';

/**
 * Every human line of the `allowlist` command that is not a problem sentence, in English and
 * Japanese: headlines, verdicts, counts, usage errors and `--help`. Problem sentences stay in
 * shared/i18n/messages.ts (by code); this is the one home of the command's own words.
 *
 * Templates use `{param}` placeholders (fillTemplate). Keep each key in both languages.
 */
export const CLI_TEXT = {
  // --- main and --help ---
  usage: {
    en: 'usage: allowlist <command> [options]',
    ja: '使い方: allowlist <コマンド> [オプション]',
  },
  commands: {
    en: 'Commands:',
    ja: 'コマンド:',
  },
  options: {
    en: 'Options:',
    ja: 'オプション:',
  },
  listFileNote: {
    en: 'A list FILE is JSON shaped like the service GET response, or a spreadsheet (CSV, TSV, XLSX).',
    ja: 'リスト FILE は、サービスの GET 応答と同じ形の JSON か、表ファイル（CSV、TSV、XLSX）です。',
  },
  exitNote: {
    en: 'Exit status: 0 ok, 1 the input had errors (results still printed), 2 the input could not be read.',
    ja: '終了コード: 0 正常、1 入力にエラーあり（結果は表示）、2 入力を読み込めない。',
  },
  moreHelp: {
    en: 'Run "allowlist <command> --help" for the options of a command.',
    ja: '各コマンドのオプションは「allowlist <コマンド> --help」で表示します。',
  },
  unknownCommand: {
    en: 'allowlist: unknown command "{name}" (run "allowlist --help").',
    ja: 'allowlist: 「{name}」というコマンドはありません（「allowlist --help」を参照）。',
  },
  unknownOption: {
    en: 'allowlist {command}: unknown option "{option}" (see "allowlist {command} --help").',
    ja: 'allowlist {command}: 「{option}」というオプションはありません（「allowlist {command} --help」を参照）。',
  },
  optionNeedsValue: {
    en: 'allowlist {command}: option "{option}" needs a value.',
    ja: 'allowlist {command}: オプション「{option}」には値が必要です。',
  },
  optionTakesNoValue: {
    en: 'allowlist {command}: option "{option}" takes no value.',
    ja: 'allowlist {command}: オプション「{option}」に値は指定できません。',
  },
  badArguments: {
    en: 'allowlist {command}: the arguments are not valid ({detail}).',
    ja: 'allowlist {command}: 引数が正しくありません（{detail}）。',
  },
  intOption: {
    en: 'allowlist {command}: --{option} must be an integer >= {min}, got "{value}".',
    ja: 'allowlist {command}: --{option} には {min} 以上の整数を指定してください（指定値: 「{value}」）。',
  },
  expectedOneFile: {
    en: 'expected one FILE.',
    ja: 'FILE を 1 つ指定してください。',
  },
  expectedTwoFiles: {
    en: 'expected two files A and B.',
    ja: '比較するファイル A と B を指定してください。',
  },
  listRequired: {
    en: '--list FILE is required.',
    ja: '--list FILE を指定してください。',
  },
  addressesRequired: {
    en: 'give addresses or --stdin.',
    ja: 'アドレスか --stdin を指定してください。',
  },
  outRequired: {
    en: '--out FILE is required.',
    ja: '--out FILE を指定してください。',
  },
  formatRequired: {
    en: '--format must be one of {formats}.',
    ja: '--format には {formats} のいずれかを指定してください。',
  },
  oneIncompleteChoice: {
    en: 'give at most one of --drop-unencodable and --replace-unencodable.',
    ja: '--drop-unencodable と --replace-unencodable は同時に指定できません。',
  },
  unexpected: {
    en: 'allowlist {command}: {message}',
    ja: 'allowlist {command}: {message}',
  },
  warningCount: {
    en: '{count} warning(s); see "allowlist validate {file}".',
    ja: '警告 {count} 件（「allowlist validate {file}」で確認できます）。',
  },
  error: {
    en: 'error  ',
    ja: 'エラー',
  },
  warning: {
    en: 'warning',
    ja: '警告  ',
  },
  row: {
    en: 'row {row}',
    ja: '{row} 行目',
  },
  entry: {
    en: 'entry {position}',
    ja: '{position} 件目',
  },

  // --- reading a list file (cli/read-list.ts ListFileError codes) ---
  FILE_NOT_FOUND: {
    en: '{path}: no such file.',
    ja: '{path}: ファイルがありません。',
  },
  FILE_NOT_READABLE: {
    en: '{path}: cannot be read ({detail}).',
    ja: '{path}: 読み込めません（{detail}）。',
  },
  FILE_PERMISSION: {
    en: '{path}: permission denied.',
    ja: '{path}: 読み取りの権限がありません。',
  },
  NOT_A_FILE: {
    en: '{path}: not a file.',
    ja: '{path}: ファイルではありません。',
  },
  INVALID_JSON: {
    en: '{path}: not valid JSON ({detail}).',
    ja: '{path}: JSON として正しくありません（{detail}）。',
  },
  INVALID_LIST_JSON: {
    en: '{path}: not an allowlist (expected { "mode", "entries": [ { "ip", "cidr", "memo" } ] }){where}: {detail}.',
    ja: '{path}: 許可リストではありません（{ "mode", "entries": [ { "ip", "cidr", "memo" } ] } の形が必要です）{where}: {detail}。',
  },
  JSON_NOT_SPREADSHEET: {
    en: 'allowlist import: {file} is a JSON allowlist, not a spreadsheet; use "allowlist validate" for it.',
    ja: 'allowlist import: {file} は表ファイルではなく JSON の許可リストです。「allowlist validate」を使ってください。',
  },

  // --- check ---
  checkAllowed: {
    en: 'allowed',
    ja: '許可',
  },
  checkDenied: {
    en: 'DENIED',
    ja: '拒否',
  },
  checkPartly: {
    en: 'PARTLY',
    ja: '一部許可',
  },
  checkError: {
    en: 'ERROR',
    ja: 'エラー',
  },
  checkAllowAll: {
    en: '(mode ALLOW_ALL: everyone is allowed)',
    ja: '（モード ALLOW_ALL: すべて許可）',
  },
  checkNoMatch: {
    en: 'no entry matches',
    ja: '一致するエントリはありません',
  },
  checkWholeNetwork: {
    en: 'the whole network ({total} addresses), by {matches}',
    ja: 'ネットワーク全体（{total} 個のアドレス）を許可: {matches}',
  },
  checkPartNetwork: {
    en: '{allowed} of {total} addresses: {allowedParts} by {matches}; not allowed: {deniedParts}',
    ja: '{total} 個中 {allowed} 個のアドレスを許可: {allowedParts}（{matches}）。許可されない部分: {deniedParts}',
  },
  checkNoneNetwork: {
    en: 'none of its {total} addresses: no entry overlaps it',
    ja: '{total} 個のアドレスのどれも許可されていません（重なるエントリはありません）',
  },
  andMore: {
    en: '… {count} more',
    ja: '… ほか {count} 件',
  },

  // --- validate ---
  valid: {
    en: 'valid',
    ja: '問題なし',
  },
  notValid: {
    en: 'NOT VALID',
    ja: 'エラーあり',
  },
  validateHeadline: {
    en: '{file}: {verdict} — {mode}, {entries} entries, {errors} error(s), {warnings} warning(s)',
    ja: '{file}: {verdict} — {mode}、エントリ {entries} 件、エラー {errors} 件、警告 {warnings} 件',
  },

  // --- aggregate ---
  sameAddresses: {
    en: 'same addresses',
    ja: 'アドレスは同じ',
  },
  mergeCost: {
    en: '+{count} address(es) not allowed before',
    ja: '以前は許可されていなかったアドレス +{count} 個',
  },
  invalidKept: {
    en: '{count} invalid entries kept as they are ({places}).',
    ja: '不正なエントリ {count} 件はそのまま残しました（{places}）。',
  },
  invalidKept_one: {
    en: '1 invalid entry kept as it is ({places}).',
    ja: '不正なエントリ 1 件はそのまま残しました（{places}）。',
  },
  noExtra: {
    en: 'no extra addresses',
    ja: '追加のアドレスなし',
  },
  extraAllowed: {
    en: '{count} extra address(es) allowed (optimal: no plan within the limit allows fewer)',
    ja: '追加で許可されるアドレス {count} 個（最適: 上限内でこれより少ない計画はありません）',
  },
  fits: {
    en: 'fits',
    ja: '上限内',
  },
  doesNotFit: {
    en: 'DOES NOT FIT',
    ja: '上限を超えています',
  },
  aggregateTotal: {
    en: '{before} -> {after} entries (limit {max}): {fits}, {merges} merge(s), {extra}.',
    ja: '{before} -> {after} 件（上限 {max}）: {fits}、統合 {merges} 件、{extra}。',
  },
  hugeWidening: {
    en: 'allowlist aggregate: warning: {into} lets in {count} addresses no entry allowed before (from {sources}); check the merge before using the result (exit 1).',
    ja: 'allowlist aggregate: 警告: {into} は以前どのエントリも許可していなかったアドレスを {count} 個許可します（統合元: {sources}）。結果を使う前に確認してください（終了コード 1）。',
  },
  wroteList: {
    en: 'Wrote {count} entries to {file}.',
    ja: '{count} 件のエントリを {file} に書き出しました。',
  },
  wroteList_one: {
    en: 'Wrote 1 entry to {file}.',
    ja: '1 件のエントリを {file} に書き出しました。',
  },
  cannotWrite: {
    en: 'allowlist {command}: cannot write {file} ({detail}).',
    ja: 'allowlist {command}: {file} に書き込めません（{detail}）。',
  },

  // --- diff ---
  modeChange: {
    en: 'mode: {from} -> {to}',
    ja: 'モード: {from} -> {to}',
  },
  memoChange: {
    en: 'memo "{before}" -> "{after}"',
    ja: 'メモ「{before}」->「{after}」',
  },
  writtenAs: {
    en: 'written as {network}',
    ja: '{network} と表記',
  },
  noDifferences: {
    en: 'no differences ({unchanged} entries unchanged)',
    ja: '差分なし（変更のないエントリ {unchanged} 件）',
  },
  diffTotal: {
    en: '{added} added, {removed} removed, {changed} changed, {unchanged} unchanged',
    ja: '追加 {added} 件、削除 {removed} 件、変更 {changed} 件、変更なし {unchanged} 件',
  },

  // --- import ---
  readHeadline: {
    en: 'Read {entries} entries from {imported} of {rows} rows ({where}).',
    ja: '{rows} 行中 {imported} 行から {entries} 件のエントリを読み込みました（{where}）。',
  },
  sheetWhere: {
    en: 'sheet "{sheet}" (xlsx)',
    ja: 'シート「{sheet}」（xlsx）',
  },
  columnNone: {
    en: '{label}: none',
    ja: '{label}: なし',
  },
  columnIs: {
    en: '{label}: {letter}{heading}',
    ja: '{label}: {letter} 列{heading}',
  },
  columnHeading: {
    en: ' "{heading}"',
    ja: '「{heading}」',
  },
  placeNetwork: {
    en: '{place} ({network})',
    ja: '{place}（{network}）',
  },
  addressLabel: {
    en: 'address',
    ja: 'アドレス',
  },
  prefixLabel: {
    en: 'prefix',
    ja: 'プレフィックス',
  },
  memoLabel: {
    en: 'memo',
    ja: 'メモ',
  },
  noHeaderRow: {
    en: 'no header row',
    ja: '見出し行なし',
  },
  headerOnRow: {
    en: 'header on row {row}',
    ja: '見出しは {row} 行目',
  },
  listSeparator: {
    en: ', ',
    ja: '、',
  },
  columnsLine: {
    en: 'Columns: {columns} ({header}).',
    ja: '列: {columns}（{header}）。',
  },
  problemsHeadline: {
    en: 'Problems ({errors} errors, {warnings} warnings):',
    ja: '問題（エラー {errors} 件、警告 {warnings} 件）:',
  },

  // --- export ---
  exportRefused: {
    en: 'allowlist export: nothing was written: {count} of {total} entries would be left out of {file}, and a service CSV without them removes their addresses when uploaded.',
    ja: 'allowlist export: 何も書き出していません: {total} 件中 {count} 件のエントリが {file} から漏れます。漏れたままのサービス用 CSV をアップロードすると、そのアドレスは削除されます。',
  },
  exportRefusedHint: {
    en: 'Fix them, or choose explicitly: --replace-unencodable writes a visible "?" for characters Shift_JIS lacks; --drop-unencodable and --drop-errors write the file without those entries.',
    ja: '修正するか、明示的に選んでください: --replace-unencodable は Shift_JIS にない文字を「?」にして書き出します。--drop-unencodable と --drop-errors はそのエントリを除いて書き出します。',
  },
  exportWrote: {
    en: 'Wrote {written} of {total} entries to {file} ({format}).',
    ja: '{total} 件中 {written} 件のエントリを {file} に書き出しました（{format}）。',
  },
  exportDropped: {
    en: 'Left out {count} entries as asked ({flags}): {places}.',
    ja: '指定どおり {count} 件のエントリを除きました（{flags}）: {places}。',
  },
  exportDropped_one: {
    en: 'Left out 1 entry as asked ({flags}): {places}.',
    ja: '指定どおり 1 件のエントリを除きました（{flags}）: {places}。',
  },
  exportReplaced: {
    en: 'Wrote "?" for characters Shift_JIS lacks in {count} memo(s) (--replace-unencodable): {places}.',
    ja: '{count} 件のメモで Shift_JIS にない文字を「?」にしました（--replace-unencodable）: {places}。',
  },

  // --- option descriptions (--help) ---
  optJson: {
    en: 'print the result as JSON on stdout',
    ja: '結果を JSON で標準出力に出す',
  },
  optSheet: {
    en: 'XLSX: read this sheet (default: the first with IP data)',
    ja: 'XLSX: 読むシート（既定: IP アドレスのある最初のシート）',
  },
  optMaxEntries: {
    en: 'the entry limit to check against (default 1000)',
    ja: '確認するエントリ数の上限（既定 1000）',
  },
  optList: {
    en: 'the allowlist: JSON or a spreadsheet (required)',
    ja: '許可リスト: JSON か表ファイル（必須）',
  },
  optStdin: {
    en: 'read addresses or networks from stdin, one per line',
    ja: '標準入力からアドレスかネットワークを 1 行に 1 つずつ読む',
  },
  optHelp: {
    en: 'show this help',
    ja: 'このヘルプを表示する',
  },
  optVersion: {
    en: 'print the version',
    ja: 'バージョンを表示する',
  },
  optAggregateOut: {
    en: 'also write the resulting list as JSON to FILE (atomically)',
    ja: '結果のリストを JSON で FILE にも書き出す（アトミックに置き換え）',
  },
  optExportOut: {
    en: 'the file to write (required)',
    ja: '書き出すファイル（必須）',
  },
  optFormat: {
    en: 'cybozu-csv (the service CSV, Shift_JIS), csv (UTF-8) or xlsx (required)',
    ja: 'cybozu-csv（サービス用 CSV、Shift_JIS）、csv（UTF-8）、xlsx のいずれか（必須）',
  },
  optReplace: {
    en: 'write "?" for memo characters Shift_JIS lacks, instead of refusing',
    ja: 'Shift_JIS にないメモの文字を「?」にして書き出す（既定は書き出しを中止）',
  },
  optDropUnencodable: {
    en: 'leave out entries whose memo Shift_JIS cannot hold, instead of refusing',
    ja: 'Shift_JIS で表せないメモのエントリを除いて書き出す（既定は書き出しを中止）',
  },
  optDropErrors: {
    en: 'leave out entries with errors, instead of refusing',
    ja: 'エラーのあるエントリを除いて書き出す（既定は書き出しを中止）',
  },
  optNoNeutralize: {
    en: 'write memos starting with = + - @ as they are (default: prefix an apostrophe)',
    ja: '= + - @ で始まるメモをそのまま書き出す（既定: 先頭にアポストロフィを付ける）',
  },
  optLog: {
    en: 'the log file to read (- for stdin; gzip is unpacked as it is read)',
    ja: '読み込むログファイル（- は標準入力。gzip 圧縮もそのまま読めます）',
  },
  optColumn: {
    en: 'the field N (1-based) holding the address (default: the first address on the line)',
    ja: 'アドレスのあるフィールド番号 N（1 から。既定: 行で最初のアドレス）',
  },
  optDelimiter: {
    en: 'how the log fields are separated: comma, tab, space or combined (default: detected)',
    ja: 'ログの区切り: comma、tab、space、combined のいずれか（既定: 自動判別）',
  },
  optTop: {
    en: 'how many denied addresses to list',
    ja: '表示する拒否アドレスの数',
  },

  // --- impact ---
  impactLines: {
    en: '{lines} lines, {addresses} with an address',
    ja: '{lines} 行、うちアドレスのある行 {addresses}',
  },
  impactLinesField: {
    en: '{lines} lines, {addresses} with an address in field {column} ({delimiter}-separated)',
    ja: '{lines} 行、うちフィールド {column}（{delimiter} 区切り）にアドレスのある行 {addresses}',
  },
  impactSkipped: {
    en: 'skipped {count} line(s) longer than {max} bytes',
    ja: '{max} バイトを超える {count} 行を読み飛ばしました',
  },
  impactAllowed: {
    en: 'allowed {count} ({percent}%)',
    ja: '許可 {count}（{percent}%）',
  },
  impactDenied: {
    en: 'denied  {count} ({percent}%) from {distinct} distinct address(es)',
    ja: '拒否 {count}（{percent}%）、接続元 {distinct} 個',
  },
  impactTop: {
    en: 'Most frequent denied addresses:',
    ja: '拒否が多い接続元:',
  },
  impactAllowAll: {
    en: 'mode ALLOW_ALL: everyone is allowed.',
    ja: 'モード ALLOW_ALL: すべての接続元が許可されます。',
  },
  impactNoAddress: {
    en: '{source}: no IPv4 address on any line of {lines} line(s){skipped}: nothing to judge.',
    ja: '{source}: {lines} 行のどの行にも IPv4 アドレスがありません{skipped}。判定できるものがありません。',
  },
  impactNoAddressField: {
    en: '{source}: no IPv4 address in field {column} ({delimiter}-separated; see --delimiter) of {lines} line(s){skipped}: nothing to judge.',
    ja: '{source}: {lines} 行のフィールド {column}（{delimiter} 区切り。--delimiter を参照）に IPv4 アドレスがありません{skipped}。判定できるものがありません。',
  },
  impactNoAddressSkipped: {
    en: ', {count} line(s) over {max} bytes skipped',
    ja: '（{max} バイトを超える {count} 行は読み飛ばし）',
  },
  impactCannotRead: {
    en: '{source}: cannot read the log ({why}).',
    ja: '{source}: ログを読み込めません（{why}）。',
  },
  impactNotGzip: {
    en: 'it starts like gzip but is not valid gzip: {detail}',
    ja: 'gzip の形式で始まりますが、正しい gzip ではありません: {detail}',
  },
  impactLogShrank: {
    en: 'it ended at byte {at} of the {size} it had when the scan began: it was truncated while being read, e.g. by log rotation; run it again',
    ja: '読み込み開始時の {size} バイトのうち {at} バイト目で終わりました。読み込み中にログのローテーションなどで切り詰められています。もう一度実行してください',
  },
  impactDelimiterValues: {
    en: '--delimiter must be one of {values}, got "{value}".',
    ja: '--delimiter には {values} のいずれかを指定してください（指定: "{value}"）。',
  },
  stdinName: {
    en: 'stdin',
    ja: '標準入力',
  },
  listAndLogRequired: {
    en: '--list FILE and --log FILE are required.',
    ja: '--list FILE と --log FILE を指定してください。',
  },

  // --- command summaries (allowlist --help, allowlist <command> --help) ---
  sumCheck: {
    en: 'is an address or a network allowed, and by which entries',
    ja: 'アドレスやネットワークが許可されるか、どのエントリによるか',
  },
  sumImpact: {
    en: 'who in a log would lose access',
    ja: 'ログのうちアクセスできなくなる接続元',
  },
  sumValidate: {
    en: 'every problem of a list',
    ja: 'リストのすべての問題',
  },
  sumAggregate: {
    en: 'merge networks to fewer entries',
    ja: 'ネットワークを統合してエントリを減らす',
  },
  sumDiff: {
    en: 'what changed between two lists',
    ja: '2 つのリストの違い',
  },
  sumImport: {
    en: 'read a spreadsheet',
    ja: '表ファイルを読み込む',
  },
  sumExport: {
    en: 'write a list as the service CSV, UTF-8 CSV or XLSX',
    ja: 'リストをサービス用 CSV、UTF-8 CSV、XLSX に書き出す',
  },
  ...HANDOFF_CLI_TEXT,
} satisfies Record<string, MessageTemplate>;

export type CliTextKey = keyof typeof CLI_TEXT;

/**
 * A CLI line in the locale, `{param}`s filled. With `count` 1, the key's `_one` form is used when
 * there is one ("1 entry", not "1 entries").
 */
export function text(
  key: CliTextKey,
  locale: Locale,
  params: Record<string, string | number> = {},
): string {
  const one = `${key}_one`;
  const chosen = params.count === 1 && Object.hasOwn(CLI_TEXT, one) ? (one as CliTextKey) : key;
  return fillTemplate(CLI_TEXT[chosen][locale], params);
}
