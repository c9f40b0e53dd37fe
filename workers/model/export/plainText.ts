// Plain text for a mail: ASCII only, no tabs, at most REPORT_WIDTH columns. The model's words use a few
// typographic characters (arrows, middle dots, dashes); here they become their ASCII spellings.

/** Widest line of an exported text report (a mail body). */
export const REPORT_WIDTH = 72;

const ASCII_OF: Readonly<Record<string, string>> = {
  '→': '->',
  '←': '<-',
  '·': '*',
  '–': '-',
  '—': '--',
  '…': '...',
  '≤': '<=',
  '≥': '>=',
  '×': 'x',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  µ: 'u',
  '\u00a0': ' ',
  '\t': '  ',
};

/** `text` with every non-ASCII character spelled in ASCII ('?' when there is no spelling). O(length). */
export function toAscii(text: string): string {
  return text.replace(/[^\x20-\x7e\n]/g, (ch) => ASCII_OF[ch] ?? '?');
}

/**
 * Word-wraps one line to `width` columns: the first line starts with `first`, the rest with `rest`.
 * A word longer than a line is cut. Returns at least one line; none ends in a space.
 */
export function wrapLine(text: string, width: number, first = '', rest = first): string[] {
  const out: string[] = [];
  let line = first;
  let empty = true;
  const flush = () => {
    out.push(line.trimEnd());
    line = rest;
    empty = true;
  };
  for (const word of toAscii(text).split(' ')) {
    if (word === '') continue;
    let w = word;
    if (!empty && line.length + 1 + w.length > width) flush();
    while (line.length + (empty ? 0 : 1) + w.length > width) {
      const room = width - line.length - (empty ? 0 : 1);
      if (room <= 0) {
        flush();
        continue;
      }
      line += (empty ? '' : ' ') + w.slice(0, room);
      w = w.slice(room);
      flush();
    }
    if (w === '') continue;
    line += (empty ? '' : ' ') + w;
    empty = false;
  }
  if (!empty || out.length === 0) out.push(line.trimEnd());
  return out;
}

/**
 * A kernel log line wrapped for a mail: kept whole when it fits, else cut at spaces with the
 * continuation indented two columns more than the line's own indent.
 */
export function wrapLogLine(line: string, indent: string, width = REPORT_WIDTH): string[] {
  const ascii = toAscii(line);
  const own = /^ */.exec(ascii)![0];
  if (indent.length + ascii.length <= width) return [(indent + ascii).trimEnd()];
  return wrapLine(ascii.slice(own.length), width, indent + own, indent + own + '    ');
}

/**
 * A URL split over lines of at most `width` columns, each starting with `indent`: cut before a '&'
 * where possible, else anywhere. Joining the lines without their indent gives the URL back.
 */
export function splitUrl(url: string, indent: string, width = REPORT_WIDTH): string[] {
  const room = width - indent.length;
  const out: string[] = [];
  let rest = url;
  while (rest.length > room) {
    const cut = rest.lastIndexOf('&', room);
    const at = cut > 0 ? cut : room;
    out.push(indent + rest.slice(0, at));
    rest = rest.slice(at);
  }
  out.push(indent + rest);
  return out;
}

/** A section heading: the title and a rule of '-' under it. */
export function heading(title: string): string[] {
  return [title, '-'.repeat(Math.min(REPORT_WIDTH, title.length))];
}

/** Rows as left-aligned columns two spaces apart, trailing spaces trimmed. */
export function table(rows: readonly (readonly string[])[], indent = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => (indent + row.map((cell, i) => cell.padEnd(widths[i])).join('  ')).trimEnd());
}

/** `label  value` with the value wrapped under itself. */
export function labelled(label: string, value: string, labelWidth: number, indent = '  '): string[] {
  const head = indent + label.padEnd(labelWidth) + '  ';
  return wrapLine(value, REPORT_WIDTH, head, ' '.repeat(head.length));
}
