// Checkstyle XML, read by Jenkins (warnings-ng), reviewdog, Danger and many CI dashboards:
// one <file> per linted file (also the clean ones), one <error> per finding. Levels map to
// Checkstyle's error / warning / info (style becomes info); the rule code is the source.
import { locate, type FileReport, type Level } from './common';

const SEVERITY: Record<Level, string> = { error: 'error', warning: 'warning', info: 'info', style: 'info' };

/**
 * Text made safe for an XML 1.0 attribute value: markup characters become entities; tabs,
 * newlines and carriage returns become character references (so parsers keep them instead
 * of normalising them to spaces); characters XML 1.0 cannot carry at all (other C0 controls,
 * lone surrogates, U+FFFE/U+FFFF) become U+FFFD.
 */
export function xmlAttr(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    switch (ch) {
      case '&': out += '&amp;'; continue;
      case '<': out += '&lt;'; continue;
      case '>': out += '&gt;'; continue;
      case '"': out += '&quot;'; continue;
      case "'": out += '&apos;'; continue;
      case '\t': out += '&#9;'; continue;
      case '\n': out += '&#10;'; continue;
      case '\r': out += '&#13;'; continue;
    }
    if (c < 0x20 || (c >= 0xd800 && c <= 0xdfff) || c === 0xfffe || c === 0xffff) out += '\ufffd';
    else out += ch;
  }
  return out;
}

export function formatCheckstyle(reports: readonly FileReport[]): string {
  const byFile = new Map<string, string[]>();
  for (const r of reports) byFile.set(r.file, byFile.get(r.file) ?? []);
  for (const l of locate(reports)) {
    byFile.get(l.file)!.push(`    <error line="${l.line}" column="${l.column}" severity="${SEVERITY[l.level]}" message="${xmlAttr(l.finding.message)}" source="${xmlAttr(l.finding.code)}"/>\n`);
  }
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="4.3">\n';
  for (const [file, errors] of byFile) {
    out += errors.length ? `  <file name="${xmlAttr(file)}">\n${errors.join('')}  </file>\n` : `  <file name="${xmlAttr(file)}"/>\n`;
  }
  return out + '</checkstyle>\n';
}
