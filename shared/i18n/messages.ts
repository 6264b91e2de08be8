import type { Problem } from '../allowlist/model.ts';
import { ERROR_MESSAGES } from './error-messages.ts';

/**
 * Every problem code with its English and Japanese sentence.
 *
 * Templates use `{param}` placeholders filled from `Problem.params`. This is the one place the
 * human sentence of a code lives (STYLE.md): CLI, service, IPC and UI all format from here. Other
 * areas (import, export, sync, service) add their codes to this table additively.
 */
export type Locale = 'en' | 'ja';

export type MessageTemplate = { en: string; ja: string };

export const MESSAGES = {
  // --- Address parsing (shared/ip/parse.ts) ---
  IP_REQUIRED: {
    en: 'The address is empty.',
    ja: 'アドレスが空です。192.0.2.8 のようにIPv4アドレスを入力してください。',
  },
  INVALID_IP: {
    en: '"{input}" is not an IPv4 address (expected four numbers 0-255 separated by dots, e.g. 192.0.2.8).',
    ja: '「{input}」はIPv4アドレスではありません。192.0.2.8 のように、0〜255の数値4つをドットで区切って入力してください。',
  },
  IPV6_NOT_SUPPORTED: {
    en: '"{input}" is an IPv6 address; only IPv4 addresses can be restricted.',
    ja: '「{input}」はIPv6アドレスです。IPアドレス制限で指定できるのはIPv4アドレスだけなので、IPv4アドレスを入力してください。',
  },
  IP_OCTET_OUT_OF_RANGE: {
    en: '"{input}": the number {octet} is greater than 255.',
    ja: '「{input}」の {octet} は255を超えています。各数値は0〜255で入力してください。',
  },
  IP_NON_DECIMAL: {
    en: '"{input}": hexadecimal or octal notation ("{part}") is not accepted; write each part in decimal.',
    ja: '「{input}」の「{part}」は16進数または8進数の表記です。各数値を10進数で入力してください。',
  },
  IP_TOO_FEW_PARTS: {
    en: '"{input}" has {parts} parts; an IPv4 address has exactly four (short forms like 10.1 are not accepted).',
    ja: '「{input}」には数値が {parts} つしかありません。10.1 のような省略形は使えないため、192.0.2.8 のように数値を4つ、ドットで区切って入力してください。',
  },
  IP_TOO_MANY_PARTS: {
    en: '"{input}" has {parts} parts; an IPv4 address has exactly four.',
    ja: '「{input}」には数値が {parts} つあります。IPv4アドレスは 192.0.2.8 のように、数値4つをドットで区切って入力してください。',
  },
  IP_WITH_PORT: {
    en: '"{input}" looks like an address with a port; enter the address without ":{port}".',
    ja: '「{input}」はポート番号付きのアドレスのようです。「:{port}」を除いて入力してください。',
  },
  ZERO_PADDED_OCTET: {
    en: '"{input}" has zero-padded numbers; they were read as decimal: {normalized}.',
    ja: '「{input}」に0で始まる数値があるため、10進数として {normalized} と読みました。',
  },
  INVALID_PREFIX: {
    en: 'The prefix "{prefix}" is not a number between 0 and 32 or a netmask like 255.255.255.0.',
    ja: 'プレフィックス「{prefix}」を読めません。0〜32の数値か、255.255.255.0 のようなサブネットマスクを入力してください。',
  },
  /** The editor's CIDR cell holds text that is not a whole number (the row is not sent anywhere). */
  CIDR_NOT_A_NUMBER: {
    en: 'The CIDR must be a whole number from 0 to 32 (or empty for a single address).',
    ja: 'CIDRには0〜32の整数を入力してください（アドレス1つだけの場合は空欄にします）。',
  },
  PREFIX_OUT_OF_RANGE: {
    en: 'The prefix /{prefix} is outside 0-32.',
    ja: 'プレフィックス /{prefix} は範囲外です。0〜32の数値を入力してください。',
  },
  NETMASK_NOT_CONTIGUOUS: {
    en: 'The netmask {mask} is not contiguous (its 1 bits must come first); it cannot be written as a prefix.',
    ja: 'サブネットマスク {mask} は1のビットが先頭から連続していないため、プレフィックスで表せません。255.255.255.0 のようなサブネットマスクを入力してください。',
  },
  PREFIX_CONFLICT: {
    en: '"{input}" already has a prefix or range, but a different prefix "{prefix}" was given separately.',
    ja: '「{input}」にはすでにプレフィックスまたは範囲がありますが、別の欄に異なるプレフィックス「{prefix}」も指定されています。どちらか一方だけを指定してください。',
  },
  INVALID_RANGE: {
    en: 'The range "{input}" ends before it starts ({start} > {end}).',
    ja: '範囲「{input}」は終わりが始まりより前です（{start} > {end}）。小さいアドレスから順に入力してください。',
  },
  INVALID_WILDCARD: {
    en: '"{input}": a wildcard * may only replace the last parts (e.g. 192.168.1.* or 10.1.*.*).',
    ja: '「{input}」のワイルドカード * は、末尾の数値にだけ使えます（例: 192.168.1.* や 10.1.*.*）。',
  },
  RANGE_EXPANDED: {
    en: 'The range "{input}" was converted to {count} networks: {networks}.',
    ja: '範囲「{input}」を {count} 個のネットワークに変換しました: {networks}。',
  },
  // --- Entry and config validation (shared/allowlist/validate.ts) ---
  IP_NOT_SINGLE_ADDRESS: {
    en: 'The address field must hold one IPv4 address, with the prefix in the CIDR field; "{input}" is a network, range or wildcard. Write it as: {suggestion}.',
    ja: '「{input}」はネットワーク・範囲・ワイルドカードです。アドレス欄にはIPv4アドレスを1つだけ、プレフィックスはCIDR欄に入力してください。次のように入力します: {suggestion}。',
  },
  IP_NOT_NORMALIZED: {
    en: 'The address "{input}" contains spaces, quotes or full-width characters; write it as {suggestion}.',
    ja: 'アドレス「{input}」に空白・引用符・全角文字が含まれています。{suggestion} と半角で入力してください。',
  },
  IP_ZERO_PADDED: {
    en: 'The address "{input}" has zero-padded numbers, which some systems read as octal; write it as {suggestion}.',
    ja: 'アドレス「{input}」に0で始まる数値があり、8進数と解釈されることがあります。{suggestion} と入力してください。',
  },
  // --- Local data (electron/core/document-file.ts) ---
  STORE_RECOVERED: {
    en: 'The file {file} was damaged. It was moved aside to {movedTo} and the last good copy was loaded.',
    ja: 'ファイル {file} が壊れていたため、{movedTo} に退避し、最後に正常だったコピーを読み込みました。直前の編集が失われていないか確認してください。',
  },
  STORE_RESET: {
    en: 'The file {file} was damaged and no good copy existed. It was moved aside to {movedTo}; this data starts empty.',
    ja: 'ファイル {file} が壊れていて、正常なコピーもありませんでした。{movedTo} に退避し、このデータは空の状態から始めます。',
  },
  PROFILE_SET_ASIDE: {
    en: 'The profile "{name}" in profiles.json has a wrong {field} ({value}). It was moved aside to {movedTo}; the other profiles are unchanged. Correct it there and put it back, or add the profile again.',
    ja: 'profiles.json のプロファイル「{name}」の {field}（{value}）が正しくありません。このプロファイルを {movedTo} に退避しました。ほかのプロファイルは変わっていません。退避先で修正して戻すか、プロファイルを追加し直してください。',
  },
  NOT_A_SINGLE_ADDRESS: {
    en: '"{input}" is a network, not one address: enter one address to check.',
    ja: '「{input}」はネットワークで、アドレス1つではありません。確認するアドレスを1つ入力してください。',
  },
  HOST_BITS_SET: {
    en: '{input}/{cidr} has host bits set; the network it covers is {network}.',
    ja: '{input}/{cidr} はホスト部のビットが0になっていません。実際に許可される範囲は {network} なので、この値に修正してください。',
  },
  NON_GLOBAL_ADDRESS: {
    en: '{network} is a {reasonLabel} address ({block}); it is not reachable from the internet, so it may never match.',
    ja: '{network} は{reasonLabel}アドレス（{block}）です。インターネットからは届かないため、一致しない可能性があります。サービスから見えるグローバルIPアドレスを指定しているか確認してください。',
  },
  OVERLY_BROAD: {
    en: '{network} is very broad: it allows {count} addresses.',
    ja: '{network} は範囲が非常に広く、{count} 個のアドレスを許可します。意図した範囲か確認してください。',
  },
  DUPLICATE_ENTRY: {
    en: 'Entry {position} ({network}) duplicates entry {otherPosition}.',
    ja: 'No.{position}（{network}）は No.{otherPosition} と重複しています。どちらか一方を削除してください。',
  },
  COVERED_BY_ENTRY: {
    en: 'Entry {position} ({network}) is already covered by entry {otherPosition} ({otherNetwork}{otherMemoSuffix}).',
    ja: 'No.{position}（{network}）は No.{otherPosition}（{otherNetwork}{otherMemoSuffix}）にすでに含まれています。不要であれば削除してください。',
  },
  MEMO_TOO_LONG: {
    en: 'The memo has {length} characters; at most {max} are allowed.',
    ja: 'メモが {length} 文字あります。{max} 文字以内にしてください。',
  },
  INVALID_MODE: {
    en: 'The mode "{mode}" is neither ALLOW_ALL nor ALLOW_SPECIFIC.',
    ja: 'IPアドレス制限の値「{mode}」は ALLOW_ALL でも ALLOW_SPECIFIC でもありません。どちらかを指定してください。',
  },
  TOO_MANY_ENTRIES: {
    en: 'The list has {count} entries; at most {max} are allowed.',
    ja: 'リストに {count} 件のエントリがあり、最大 {max} 件を超えています。エントリを削除するか、集約してください。',
  },
  NO_ENTRIES: {
    en: '"Allow specific IP addresses only" needs at least one entry: add one.',
    ja: '「指定したIPアドレスのみ許可」には1件以上のエントリが必要です。エントリを追加してください。',
  },
  RESTRICTION_STAYS_OFF: {
    en: 'The IP address restriction is off on the service ("Allow all IP addresses"; revision {revision} allowed only {count} entries, e.g. until a Reset URL was opened). This save keeps it off: any address can log in.',
    ja: 'サービス上でIPアドレス制限が解除されています（「すべてのIPアドレスを許可」。リビジョン {revision} では {count} 件のエントリのみ許可していました。リセットURLを開いた場合などに解除されます）。このまま保存すると制限は解除されたままになり、どこからでもログインできます。',
  },
  // --- Lockout analysis (shared/allowlist/lockout.ts) ---
  SELF_LOCKOUT: {
    en: 'Your own address {ip} would lose access.',
    ja: 'あなた自身のアドレス {ip} がアクセスできなくなります。',
  },
  PROTECTED_LOCKOUT: {
    en: 'The protected address {ip}{labelSuffix} would lose access.',
    ja: '保護対象のアドレス {ip}{labelSuffix} がアクセスできなくなります。',
  },
  // --- Import and export (shared/import, shared/export; owned by the "import" helper) ---
  IMPORT_MISSING_IP: {
    en: 'Row {row}: the address cell ({column}{row}) is empty but the row is not.',
    ja: '{row} 行目: 行に値はありますが、アドレスのセル（{column}{row}）が空です。アドレスを入力するか行を削除してから、もう一度インポートしてください。',
  },
  IMPORT_UNNAMED_COLUMN: {
    en: 'Row {row}: cell {column}{row} has a value under no heading, so it was not imported (a memo with an unquoted comma?).',
    ja: '{row} 行目: セル {column}{row} の値は見出しのない列にあるため、インポートしていません。メモにカンマがある場合は、メモを引用符（"）で囲んでください。',
  },
  IMPORT_MALFORMED_QUOTES: {
    en: 'Row {row}: a cell that starts with a quote (") is not closed right before a separator or a line break, so the lines after it may have been read into this row; nothing was imported from it. Write a quote inside a cell as two ("") and import again.',
    ja: '{row} 行目: 引用符（"）で始まるセルが、区切り文字または改行の直前で閉じられていません。後続の行がこの行に読み込まれた可能性があるため、この行はインポートしていません。セル内の引用符は 2 つ（""）続けて書き、もう一度インポートしてください。',
  },
  IMPORT_STRAY_LINE_BREAK: {
    en: "Row {row}: a line break of another kind than the rest of the file's (an LF line in a CRLF file, say: a file edited with two programs) stands outside quotes, so the line after it was read into this row; nothing was imported from it. Save the file with one kind of line break and import again.",
    ja: '{row} 行目: 引用符の外に、ファイルの他の行とは種類の異なる改行（CRLF のファイル内の LF など。複数のプログラムで編集した場合に起こります）があるため、次の行がこの行に読み込まれました。この行はインポートしていません。改行の種類をそろえて保存してから、もう一度インポートしてください。',
  },
  IMPORT_UNREAD_ADDRESS: {
    en: 'Row {row}: cell {column}{row} holds the address {ip}, but column {column} is not the address column, so it was not imported. To import it, put it on a row of its own in the address column.',
    ja: '{row} 行目: セル {column}{row} にアドレス {ip} がありますが、{column} 列はアドレスの列ではないため、インポートしていません。インポートするには、アドレスの列の別の行に入力してください。',
  },
  IMPORT_ADDRESS_ABOVE_DATA: {
    en: 'Row {row}: cell {column}{row} holds the address {ip}, but the data starts on row {dataStartRow}, so it was not imported. If it belongs to the list, move it below the header row.',
    ja: '{row} 行目: セル {column}{row} にアドレス {ip} がありますが、データは {dataStartRow} 行目から始まるため、インポートしていません。リストに含める場合は、見出し行より下に移動してください。',
  },
  IMPORT_MEMO_APOSTROPHE: {
    en: 'Row {row}: the memo in {column}{row} starts with an apostrophe before a formula sign, as a CSV export writes it so that spreadsheet programs do not run it; it was imported as written, apostrophe included. Remove the apostrophe in the editor if it is not part of the memo.',
    ja: '{row} 行目: セル {column}{row} のメモは、数式記号の前にアポストロフィが付いています（表計算ソフトで数式として実行されないよう、CSV のエクスポートが付けるものです）。アポストロフィを含めて、そのままインポートしました。メモの一部でなければ、エディターでアポストロフィを削除してください。',
  },
  IMPORT_CELL_ERROR: {
    en: 'Row {row}: cell {column}{row} holds the Excel error {value}.',
    ja: '{row} 行目: セル {column}{row} が Excel のエラー値 {value} です。Excel でセルを修正してから、もう一度インポートしてください。',
  },
  IMPORT_FORMULA_NO_VALUE: {
    en: 'Row {row}: cell {column}{row} is a formula ({formula}) saved without its value; open and save the file in Excel, then import again.',
    ja: '{row} 行目: セル {column}{row} は値が保存されていない数式（{formula}）です。Excel で開いて保存してから、もう一度インポートしてください。',
  },
  IMPORT_NO_HEADER: {
    en: 'No header row was found, so the columns were chosen by their content: address from column {ipColumn}, prefix from column {prefixColumn}, memo from column {memoColumn} (not read: {ignoredColumns}). If that is wrong, add a header row such as "IP address,CIDR,Memo".',
    ja: '見出し行が見つからないため、内容から列を判断しました: アドレスは {ipColumn} 列、プレフィックスは {prefixColumn} 列、メモは {memoColumn} 列（読み込んでいない列: {ignoredColumns}）。違う場合は「IPアドレス,CIDR,メモ」のような見出し行を追加してください。',
  },
  // Whole-file import errors (shared/import/errors.ts ImportError codes; params as thrown there).
  FILE_TOO_LARGE: {
    en: 'The file is {sizeMb} MB; the import accepts files up to {limitMb} MB.',
    ja: 'ファイルのサイズ（{sizeMb} MB）が、インポートできる上限の {limitMb} MB を超えています。ファイルを分割するか、不要な行や列を削除してから、もう一度インポートしてください。',
  },
  TOO_MANY_ROWS: {
    en: 'The file has {rows} rows; the import accepts at most {limit}.',
    ja: 'ファイルに {rows} 行あり、インポートできる最大 {limit} 行を超えています。ファイルを分割してから、もう一度インポートしてください。',
  },
  TOO_MANY_CELLS: {
    en: 'A sheet of the workbook has {cells} filled cells; the import accepts at most {limit}.',
    ja: 'ブックのシートに値の入ったセルが {cells} 個あり、インポートできる最大 {limit} 個を超えています。不要なセルを削除するか、IPアドレスの列だけを別のシートにしてから、もう一度インポートしてください。',
  },
  NOT_A_SPREADSHEET: {
    en: 'The file is not a spreadsheet: neither CSV/TSV text nor an Excel workbook (.xlsx).',
    ja: 'ファイルが表形式ではありません（CSV／TSVのテキストでもExcelブック（.xlsx）でもありません）。CSVかExcelブックで保存し直してから、インポートしてください。',
  },
  UNKNOWN_ENCODING: {
    en: 'The text encoding of the file could not be recognised: it is neither UTF-8, UTF-16 (with BOM) nor Shift_JIS.',
    ja: 'ファイルの文字コードを判別できません（UTF-8、BOM付きUTF-16、Shift_JISのいずれでもありません）。UTF-8かShift_JISで保存し直してから、もう一度インポートしてください。',
  },
  NO_IP_DATA: {
    en: 'No column of IP addresses was found in the file.',
    ja: 'ファイルにIPアドレスの列が見つかりません。IPアドレスが入ったファイルか確認してください。',
  },
  ENCRYPTED_WORKBOOK: {
    en: 'The workbook is password-protected; save it without a password and import again.',
    ja: 'パスワードで保護されたブックは読み込めません。パスワードを解除して保存してから、もう一度インポートしてください。',
  },
  LEGACY_XLS: {
    en: 'The file is a legacy Excel 97-2003 workbook (.xls); save it as .xlsx or CSV and import again.',
    ja: '古い Excel 97-2003 形式（.xls）のブックです。.xlsx か CSV で保存し直してから、もう一度インポートしてください。',
  },
  OPENDOCUMENT_NOT_SUPPORTED: {
    en: 'The file is an OpenDocument spreadsheet (.ods); save it as .xlsx or CSV and import again.',
    ja: 'OpenDocument 形式（.ods）のスプレッドシートです。.xlsx か CSV で保存し直してから、もう一度インポートしてください。',
  },
  CORRUPT_WORKBOOK: {
    en: 'The workbook cannot be read: {detail}.',
    ja: 'ブックが壊れているため読み込めません（詳細: {detail}）。Excel で開いて保存し直してから、もう一度インポートしてください。',
  },
  ZIP_TOO_MANY_ENTRIES: {
    en: 'The workbook archive holds {count} files; the import accepts at most {limit}.',
    ja: 'ブックの中に {count} 個のファイルがあり、インポートできる最大 {limit} 個を超えています。Excel で開いて保存し直してから、もう一度インポートしてください。',
  },
  ZIP_TOO_LARGE: {
    en: 'The workbook would unpack to more than {limitMb} MB; the import refuses it (a "zip bomb" guard).',
    ja: 'ブックを展開すると {limitMb} MB を超えるため、読み込みを中止しました（zip 爆弾対策）。信頼できるファイルか確認してください。',
  },
  ZIP_RATIO_TOO_HIGH: {
    en: 'The workbook\'s "{entry}" would inflate {ratio} times; the import accepts at most {limit} times (a "zip bomb" guard).',
    ja: 'ブック内の「{entry}」は展開すると {ratio} 倍になります。許容されるのは最大 {limit} 倍です（zip 爆弾対策）。信頼できるファイルか確認してください。',
  },
  SHEET_NOT_FOUND: {
    en: 'The workbook has no sheet "{sheet}" (sheets: {sheets}).',
    ja: 'ブックにシート「{sheet}」がありません（シート: {sheets}）。表示されたシートから選んでください。',
  },
  INVALID_MAPPING: {
    en: 'The column mapping is not valid (columns from A, rows from 1, data after the header).',
    ja: '列の指定が正しくありません。列は A から、行は 1 から数え、データの開始行は見出し行より下にしてください。',
  },
  // A worker crash or an unexpected failure (electron/core/import-runner.ts, no reason code).
  IMPORT_FAILED: {
    en: 'The import stopped unexpectedly; your list is unchanged.',
    ja: 'インポートが予期せず停止しました。下書きは変わっていません。もう一度インポートしてください。',
  },
  IMPORT_ABORTED: {
    en: 'The import was cancelled.',
    ja: 'インポートを中止しました。',
  },
  EXPORT_UNENCODABLE_MEMO: {
    en: 'Entry {position} ({network}): the memo contains "{char}" ({codePoint}), which Shift_JIS cannot encode; the entry was not written.',
    ja: 'No.{position}（{network}）: メモの「{char}」（{codePoint}）は Shift_JIS で表せないため、このエントリはエクスポートしていません。メモからこの文字を除いてから、もう一度エクスポートしてください。',
  },
  EXPORT_MEMO_REPLACED: {
    en: 'Entry {position} ({network}): "{char}" ({codePoint}) in the memo cannot be encoded in Shift_JIS and was written as "?".',
    ja: 'No.{position}（{network}）: メモの「{char}」（{codePoint}）は Shift_JIS で表せないため、「?」に置き換えてエクスポートしました。',
  },
  EXPORT_FORMULA_NEUTRALIZED: {
    en: 'Entry {position} ({network}): the memo starts with "{first}", which spreadsheet programs read as a formula; it was written with a leading apostrophe.',
    ja: 'No.{position}（{network}）: メモが表計算ソフトで数式と解釈される「{first}」で始まるため、先頭にアポストロフィを付けてエクスポートしました。',
  },
  EXPORT_FORMULA_REFUSED: {
    en: 'Entry {position} ({network}): the memo starts with "{first}", which spreadsheet programs read as a formula, and the cybozu.com Store would keep any apostrophe added before it; change the start of the memo (for example, begin it with a letter), then make the file again.',
    ja: 'No.{position}（{network}）: メモが表計算ソフトで数式と解釈される「{first}」で始まります。アポストロフィを付けると サイボウズドットコム ストアにそのまま保存されるため、ファイルを作成していません。メモの先頭を変えて（たとえば文字で始めて）から、もう一度ファイルを作成してください。',
  },
  EXPORT_ENTRY_SKIPPED: {
    en: 'Entry {position} ({network}) has errors and was not written.',
    ja: 'No.{position}（{network}）にはエラーがあるため、エクスポートしていません。エラーを修正してから、もう一度エクスポートしてください。',
  },
  // The app could not start (electron/main/index.ts: an error box, then the app exits).
  APP_START_FAILED: {
    en: 'IP Allowlist Manager could not start: {detail}. Nothing was changed. Check that the folder {folder} exists and that you may write to it, then start the app again.',
    ja: 'IPアドレス制限マネージャーを起動できませんでした（{detail}）。何も変更していません。フォルダー {folder} が存在し、書き込みできることを確認してから、もう一度起動してください。',
  },
} satisfies Record<string, MessageTemplate>;

export type MessageCode = keyof typeof MESSAGES;

/**
 * Sentences of codes that name another entry, for a list read from a spreadsheet: there every
 * reference is a spreadsheet row ("row 12 is covered by row 3"), never an entry number. Used when
 * the problem has a `row` (and, where the sentence names another row, an `otherRow` param, which
 * shared/import/list-problems.ts sets).
 */
export const ROW_MESSAGES: Partial<Record<MessageCode, MessageTemplate>> = {
  DUPLICATE_ENTRY: {
    en: 'Row {row} ({network}) duplicates row {otherRow}.',
    ja: '{row} 行目（{network}）は {otherRow} 行目と重複しています。どちらか一方を削除してください。',
  },
  COVERED_BY_ENTRY: {
    en: 'Row {row} ({network}) is already covered by row {otherRow} ({otherNetwork}{otherMemoSuffix}).',
    ja: '{row} 行目（{network}）は {otherRow} 行目（{otherNetwork}{otherMemoSuffix}）にすでに含まれています。不要であれば削除してください。',
  },
  EXPORT_UNENCODABLE_MEMO: {
    en: 'Row {row} ({network}): the memo contains "{char}" ({codePoint}), which Shift_JIS cannot encode; the entry was not written.',
    ja: '{row} 行目（{network}）: メモの「{char}」（{codePoint}）は Shift_JIS で表せないため、このエントリはエクスポートしていません。メモからこの文字を除いてから、もう一度エクスポートしてください。',
  },
  EXPORT_MEMO_REPLACED: {
    en: 'Row {row} ({network}): "{char}" ({codePoint}) in the memo cannot be encoded in Shift_JIS and was written as "?".',
    ja: '{row} 行目（{network}）: メモの「{char}」（{codePoint}）は Shift_JIS で表せないため、「?」に置き換えてエクスポートしました。',
  },
  EXPORT_FORMULA_NEUTRALIZED: {
    en: 'Row {row} ({network}): the memo starts with "{first}", which spreadsheet programs read as a formula; it was written with a leading apostrophe.',
    ja: '{row} 行目（{network}）: メモが表計算ソフトで数式と解釈される「{first}」で始まるため、先頭にアポストロフィを付けてエクスポートしました。',
  },
  EXPORT_ENTRY_SKIPPED: {
    en: 'Row {row} ({network}) has errors and was not written.',
    ja: '{row} 行目（{network}）にはエラーがあるため、エクスポートしていません。エラーを修正してから、もう一度エクスポートしてください。',
  },
};

/** Labels of the non-global reasons (NON_GLOBAL_ADDRESS `reason` param). */
export const REASON_LABELS: Record<string, MessageTemplate> = {
  unspecified: { en: '"this network" (unspecified)', ja: '「このネットワーク」（未指定）' },
  private: { en: 'private (RFC 1918)', ja: 'プライベート（RFC 1918）' },
  loopback: { en: 'loopback', ja: 'ループバック' },
  linkLocal: { en: 'link-local', ja: 'リンクローカル' },
  carrierGradeNat: { en: 'carrier-grade NAT (shared)', ja: 'キャリアグレード NAT（共有）' },
  documentation: { en: 'documentation (example)', ja: 'ドキュメント用（例示）' },
  benchmarking: { en: 'benchmarking', ja: 'ベンチマーク用' },
  protocolAssignments: { en: 'IETF protocol assignment', ja: 'IETF プロトコル割り当て' },
  multicast: { en: 'multicast', ja: 'マルチキャスト' },
  broadcast: { en: 'broadcast', ja: 'ブロードキャスト' },
  reserved: { en: 'reserved', ja: '予約済み' },
  as112: { en: 'AS112 (DNS sink)', ja: 'AS112（DNS シンク）' },
  amt: { en: 'AMT relay anycast', ja: 'AMT リレー エニーキャスト' },
  relay6to4: { en: 'deprecated 6to4 relay anycast', ja: '廃止された 6to4 リレー エニーキャスト' },
};

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * Fill a template's `{param}` placeholders.
 *
 * A missing param is left visible as `{name}` rather than silently dropped.
 */
export function fillTemplate(
  template: string,
  params: Record<string, string | number> = {},
): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * The sentence of a code in a locale.
 *
 * Unknown codes return null so callers can fall back to a message they already have.
 */
export function formatMessage(
  code: string,
  params: Record<string, string | number> | undefined,
  locale: Locale,
): string | null {
  const template =
    (MESSAGES as Record<string, MessageTemplate>)[code] ??
    (ERROR_MESSAGES as Record<string, MessageTemplate>)[code];
  if (!template) return null;
  return fillTemplate(template[locale], localizeParams(params, locale));
}

/**
 * Format a problem for a person, in English or Japanese.
 *
 * Uses the code's template and `params`; for a code this table does not know, the problem's own
 * English `message` is returned.
 */
export function formatProblem(problem: Problem, locale: Locale): string {
  const params =
    problem.index === undefined ? problem.params : { index: problem.index, ...problem.params };
  const byRow = ROW_MESSAGES[problem.code as MessageCode];
  const needsOther = byRow?.en.includes('{otherRow}') ?? false;
  if (byRow && problem.row !== undefined && (!needsOther || params?.otherRow !== undefined)) {
    return fillTemplate(byRow[locale], localizeParams({ row: problem.row, ...params }, locale));
  }
  return formatMessage(problem.code, params, locale) ?? problem.message;
}

/** Params that hold a comma-separated list (shared/ip, shared/import join them with ", "). */
const LIST_PARAMS = ['networks', 'sheets'] as const;

/** Derived params that differ by locale (reason labels, optional suffixes). */
function localizeParams(
  params: Record<string, string | number> | undefined,
  locale: Locale,
): Record<string, string | number> {
  const out: Record<string, string | number> = { ...params };
  if (locale === 'ja') {
    // Lists inside a Japanese sentence are separated with 、 (not an English comma).
    for (const key of LIST_PARAMS) {
      const value = out[key];
      if (typeof value === 'string') out[key] = value.split(', ').join('、');
    }
  }
  if (typeof out.reason === 'string' && out.reasonLabel === undefined) {
    out.reasonLabel = REASON_LABELS[out.reason]?.[locale] ?? out.reason;
  }
  if (out.index !== undefined && out.position === undefined && typeof out.index === 'number') {
    out.position = out.index + 1;
  }
  if (typeof out.otherIndex === 'number' && out.otherPosition === undefined) {
    out.otherPosition = out.otherIndex + 1;
  }
  if (out.otherMemoSuffix === undefined) {
    const memo = typeof out.otherMemo === 'string' ? shorten(out.otherMemo, 60) : '';
    out.otherMemoSuffix = memo === '' ? '' : locale === 'ja' ? `、「${memo}」` : `, "${memo}"`;
  }
  if (out.labelSuffix === undefined) {
    const label = out.label;
    out.labelSuffix =
      typeof label === 'string' && label !== ''
        ? locale === 'ja'
          ? `（${label}）`
          : ` (${label})`
        : '';
  }
  return out;
}

/** Shorten text for a sentence (the full value stays in `params`). */
function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
